/// A value an API gives in every format, which must name the same thing in each: CenturyLink's `StatusDate`, written
/// as an ISO date in XML and as a .NET date in JSON, is one instant (GMT, its table says).
public struct Agreement: Codable, Sendable, Hashable {
    public var id: String
    /// The fixture whose answers are compared.
    public var fixture: String
    /// The field in each format's answer (paths as in `ResponseField.path`); timestamps are compared as instants.
    public var fields: [WireFormat: String]
    public var source: Source
    public var level: Level?
    public var levelReason: String?
}

extension Agreement: Graded {
    public var levelSources: [Source] { [source] }
    public var facts: [Fact] { [.rule] }
}
