import ConformanceModel
import Foundation
import Testing

/// A mutation of the CodeCatalyst profile and the exact message loading must give for it.
struct Malformed: CustomTestStringConvertible, Sendable {
    let name: String
    let mutate: @Sendable (Document) -> Document
    let message: String

    init(_ name: String, _ mutate: @escaping @Sendable (Document) -> Document, _ message: String) {
        self.name = name
        self.mutate = mutate
        self.message = message
    }

    var testDescription: String { name }

    func data() throws -> Data {
        let url = ProfileLoader.defaultDirectory.appendingPathComponent("codecatalyst.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        switch mutate(.object(object)) {
        case .object(let changed): return try JSONSerialization.data(withJSONObject: changed)
        case .text(let text): return Data(text.utf8)
        }
    }
}

/// A profile as loose JSON, edited by path.
enum Document: @unchecked Sendable {
    case object(Any)
    case text(String)

    func setting(_ key: String, _ value: Any) -> Document { setting([key], value) }

    func setting(_ path: [Any], _ value: Any) -> Document {
        guard case .object(let root) = self else { return self }
        return .object(Self.set(root, path[...], value))
    }

    func removing(_ key: String) -> Document {
        guard case .object(let root) = self, var dictionary = root as? [String: Any] else { return self }
        dictionary.removeValue(forKey: key)
        return .object(dictionary)
    }

    private static func set(_ node: Any, _ path: ArraySlice<Any>, _ value: Any) -> Any {
        guard let head = path.first else { return value }
        if let key = head as? String, var dictionary = node as? [String: Any] {
            dictionary[key] = set(dictionary[key] ?? [:], path.dropFirst(), value)
            return dictionary
        }
        if let index = head as? Int, var array = node as? [Any] {
            array[index] = set(array[index], path.dropFirst(), value)
            return array
        }
        return node
    }
}

/// The seeds live in `../shared/seeds/` beside the checkout; tests that read them are skipped without it.
extension Profile {
    /// Every line number cited from `document`.
    func referencedLines(of document: String) -> [Int] {
        allSources.filter { $0.document == document }.flatMap { [$0.line, $0.endLine].compactMap { $0 } }
    }
}
