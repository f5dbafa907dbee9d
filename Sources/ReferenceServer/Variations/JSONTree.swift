/// A JSON document as objects, arrays and scalars kept in their original spelling, so a variation can reorder,
/// extend or re-indent an answer without touching a single value (a number stays the digits it was, `true` stays
/// `true`): what a variation changes must be the wire form only.
indirect enum JSONTree: Sendable {
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    /// A string (quotes and escapes included), number, `true`, `false` or `null`, exactly as written.
    case scalar(String)

    /// Nil for anything that is not a single well-formed JSON value: such answers are left as they are.
    static func parse(_ bytes: [UInt8]) -> JSONTree? {
        var reader = Reader(bytes: bytes)
        guard let tree = reader.value() else { return nil }
        reader.skipSpace()
        return reader.atEnd ? tree : nil
    }

    func rendered(pretty: Bool, depth: Int = 0) -> String {
        let indent = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        let colon = pretty ? ": " : ":"
        switch self {
        case .scalar(let text): return text
        case .array(let items) where items.isEmpty: return "[]"
        case .object(let members) where members.isEmpty: return "{}"
        case .array(let items):
            return "[" + items.map { indent + $0.rendered(pretty: pretty, depth: depth + 1) }.joined(separator: ",")
                + close + "]"
        case .object(let members):
            return "{"
                + members.map { indent + $0.key + colon + $0.value.rendered(pretty: pretty, depth: depth + 1) }.joined(
                    separator: ",") + close + "}"
        }
    }

    /// Applies `change` to every object, innermost first.
    func mappingObjects(_ change: ([(key: String, value: JSONTree)]) -> [(key: String, value: JSONTree)]) -> JSONTree {
        switch self {
        case .scalar: return self
        case .array(let items): return .array(items.map { $0.mappingObjects(change) })
        case .object(let members): return .object(change(members.map { ($0.key, $0.value.mappingObjects(change)) }))
        }
    }

    /// The tree with `null` for each of `names` the object lacks: the top-level object, or the object held by its member
    /// `container`.
    func adding(nulls names: [String], inside container: String?) -> JSONTree {
        guard case .object(let members) = self else { return self }
        func filled(_ members: [(key: String, value: JSONTree)]) -> [(key: String, value: JSONTree)] {
            let missing = names.map { "\"\($0)\"" }.filter { name in !members.contains { $0.key == name } }
            return members + missing.map { ($0, .scalar("null")) }
        }
        guard let container else { return .object(filled(members)) }
        return .object(
            members.map { member in
                guard member.key == "\"\(container)\"", case .object(let inner) = member.value else { return member }
                return (member.key, .object(filled(inner)))
            })
    }

    /// Applies `change` to every scalar.
    func mappingScalars(_ change: (String) -> String) -> JSONTree {
        switch self {
        case .scalar(let text): return .scalar(change(text))
        case .array(let items): return .array(items.map { $0.mappingScalars(change) })
        case .object(let members): return .object(members.map { ($0.key, $0.value.mappingScalars(change)) })
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> JSONTree? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: JSONTree)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let item = value() else { return nil }
                    members.append((key, item))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "}") else { return nil }
                    index += 1
                    return .object(members)
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONTree] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "]") else { return nil }
                    index += 1
                    return .array(items)
                }
            case UInt8(ascii: "\""):
                return string().map(JSONTree.scalar)
            default:
                let start = index
                while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return index > start ? .scalar(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
            }
        }

        /// A string literal, quotes and escapes kept.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { return nil }
            index += 1
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}

extension JSONTree {
    /// The value of the member whose key is written `key`, for an object that has one.
    func member(_ key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Whether this is the scalar written exactly `text`.
    func isScalar(_ text: String) -> Bool {
        if case .scalar(let written) = self { return written == text }
        return false
    }
}
