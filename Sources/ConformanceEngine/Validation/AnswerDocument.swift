import ConformanceModel

/// A parsed answer body (from `ParsedAnswer`), queried the same way whatever its format: dotted paths into JSON, XPath into XML.
enum AnswerDocument {
    case json(JSONValue)
    case xml(XMLDocument, namespace: String?)

    /// A value found at a path: its lexical form, and for JSON the typed value.
    struct Found {
        let lexical: String?
        let json: JSONValue?
    }

    func values(_ path: String) throws -> [Found] {
        switch self {
        case .json(let value):
            return value.values(at: path).map { Found(lexical: $0.lexical, json: $0) }
        case .xml(let document, let namespace):
            return try document.values(path, namespace: namespace).map { Found(lexical: $0, json: nil) }
        }
    }

    /// The first lexical value at `path`, or nil.
    func first(_ path: String) -> String? {
        (try? values(path))?.first?.lexical
    }
}
