import Foundation

/// A JSON document decoded by Foundation's `JSONDecoder` into a value that keeps booleans, integers and other
/// numbers apart (JSONSerialization's NSNumber blurs them on Linux).
indirect enum JSONValue: Decodable, Sendable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        if let violation = StrictJSONSyntax.violation(in: bytes) { throw InvalidJSON(detail: violation.description) }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
            throw InvalidJSON(detail: detail)
        } catch {
            throw InvalidJSON(detail: "\(error)")
        }
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
