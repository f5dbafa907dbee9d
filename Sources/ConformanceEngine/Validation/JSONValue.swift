import Foundation

/// A JSON document as a value that keeps booleans, integers and other numbers apart (JSONSerialization's NSNumber
/// blurs them on Linux). A number is an integer when its value is integral and fits in 64 bits, as Foundation's
/// `JSONDecoder` reads `100`, `100.0` and `1e2` alike.
indirect enum JSONValue: Sendable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    /// Checked by the strict RFC 8259 gate first, then read in one pass over the bytes: decoding through `Codable`
    /// was a quarter of a JSON answer's validation time.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        if let violation = StrictJSONSyntax.violation(in: bytes) { throw InvalidJSON(detail: violation.description) }
        var reader = JSONReader(bytes: bytes)
        return try reader.document()
    }

    struct InvalidJSON: Error, CustomStringConvertible {
        let detail: String
        var description: String { "not valid JSON: \(detail)" }
    }

    /// Values at a dotted path; `items[]` fans out over an array. Absent members yield no values.
    func values(at path: String) -> [JSONValue] {
        var current: [JSONValue] = [self]
        for part in path.split(separator: ".") {
            let fans = part.hasSuffix("[]")
            let key = String(fans ? part.dropLast(2) : part)
            current = current.compactMap { node -> JSONValue? in
                if case .object(let members) = node { return members[key] }
                return nil
            }
            if fans {
                current = current.flatMap { node -> [JSONValue] in
                    if case .array(let items) = node { return items }
                    return []
                }
            }
        }
        return current
    }

    /// The lexical form used by the shared value checks; nil for containers.
    var lexical: String? {
        switch self {
        case .null: return nil
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return value
        case .array, .object: return nil
        }
    }

    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
