/// How an operation moves from accepted to done, checked by polling one fixture.
public struct Lifecycle: Codable, Sendable, Hashable {
    public var id: String
    public var fixture: String
    /// Field holding the state (same path syntax as `ResponseField.path`, per format).
    public var statusField: [WireFormat: String]
    public var terminal: [String]
    /// Field whose value may only rise (percent complete), per format; absent where the API has none.
    public var progressField: [WireFormat: String]?
    /// Timestamp field that may only move forward, per format.
    public var updatedField: [WireFormat: String]?
    public var source: Source
}

extension Lifecycle: Graded {
    public var level: Level? { nil }
    public var levelReason: String? { nil }
    public var levelSources: [Source] { [source] }
    public var facts: [Fact] { [.rule] }
}
