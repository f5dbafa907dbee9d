import Foundation

/// A JSON document as a value that keeps booleans, integers and other numbers apart (JSONSerialization's NSNumber
/// blurs them on Linux); `StrictJSONSyntax` reads it.
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The document, refused when it is not RFC 8259 JSON or when it gives a member twice with different values.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let read = try reading(bytes)
        if let conflict = read.conflict { throw AmbiguousJSON(conflict: conflict) }
        return read.value
    }

    /// The document as a client that keeps a repeated member's last value reads it, and the conflict it hides.
    static func reading(_ bytes: [UInt8]) throws -> (value: JSONValue, conflict: StrictJSONSyntax.Conflict?) {
        do {
            return try StrictJSONSyntax.parse(bytes)
        } catch {
            throw InvalidJSON(detail: error.description)
        }
    }

    struct InvalidJSON: Error, CustomStringConvertible {
        let detail: String
        var description: String { "not valid JSON: \(detail)" }
    }

    struct AmbiguousJSON: Error, CustomStringConvertible {
        let conflict: StrictJSONSyntax.Conflict
        var description: String { "an ambiguous JSON object: \(conflict)" }
    }

    /// The value as a finding shows it: a scalar's JSON text, else its kind.
    var shown: String {
        switch self {
        case .string(let text): return "'\(text)'"
        default: return lexical ?? "a JSON \(kind)"
        }
    }

    /// Values at a dotted path; `items[]` fans out over an array. Absent members yield no values.
    func values(at path: String) -> [JSONValue] {
        let parts = Self.parts(of: path)
        // Most paths name members only: walked without a list of candidates at each step.
        if !path.utf8.contains(UInt8(ascii: "[")) {
            var node = self
            for part in parts {
                guard case .object(let members) = node, let next = members[part] else { return [] }
                node = next
            }
            return [node]
        }
        var current: [JSONValue] = [self]
        for part in parts {
            let fans = part.hasSuffix("[]")
            let key = fans ? String(part.dropLast(2)) : part
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

    /// The dot-separated parts of a path, empty parts left out; cut in UTF-8 (splitting a String by Character runs
    /// grapheme breaking, which was most of a field check), a path of one part kept as it is.
    private static func parts(of path: String) -> [String] {
        if !path.utf8.contains(UInt8(ascii: ".")) { return path.isEmpty ? [] : [path] }
        return path.utf8.split(separator: UInt8(ascii: ".")).map { String(Substring($0)) }
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
