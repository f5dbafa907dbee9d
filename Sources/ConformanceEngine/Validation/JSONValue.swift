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

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
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

    /// Values at a dotted path; `items[]` fans out over an array. Absent members yield no values.
    func values(at path: String) -> [JSONValue] {
        // Most paths name members only: walked without a list of candidates at each step, the path cut at its dots
        // in UTF-8 (splitting a String by Character runs grapheme breaking, which was most of a field check).
        if !path.utf8.contains(UInt8(ascii: "[")) {
            var node = self
            var rest = Substring(path)
            while !rest.isEmpty {
                let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) ?? rest.endIndex
                if dot > rest.startIndex {
                    // A path of one member is looked up as it is, without making a new string of it.
                    let name = dot == path.endIndex && rest.startIndex == path.startIndex ? path : String(rest[..<dot])
                    guard case .object(let members) = node, let next = members[name] else { return [] }
                    node = next
                }
                rest = dot == rest.endIndex ? rest[rest.endIndex...] : rest[rest.utf8.index(after: dot)...]
            }
            return [node]
        }
        var current: [JSONValue] = [self]
        for part in Self.parts(of: path) {
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

    /// The dot-separated parts of a path, empty parts left out.
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
