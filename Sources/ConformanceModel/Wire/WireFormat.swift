/// The two body formats these APIs speak, named once from the profile to the engine and the reference server.
public enum WireFormat: String, Codable, CodingKeyRepresentable, Sendable, Hashable, CaseIterable,
    CustomStringConvertible
{
    case json, xml

    public var description: String { rawValue }

    /// As prose writes it: `JSON`, `XML`.
    public var label: String { rawValue.uppercased() }

    /// A profile naming another format is refused with the two it may name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let format = WireFormat(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be json or xml, found '\(name)'")
        }
        self = format
    }
}
