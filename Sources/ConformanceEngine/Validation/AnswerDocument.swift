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

    /// The first lexical value at `path`, or nil; an XML value with the white space around it collapsed, as the
    /// typed values compared this way (codes, states, numbers, times) are read (`xs:int` makes `' 7'` 7).
    func first(_ path: String) -> String? {
        guard let value = (try? values(path))?.first?.lexical else { return nil }
        if case .xml = self { return Self.collapsingSpace(value) }
        return value
    }

    /// An XML value as a typed reader takes it: xs:int, xs:boolean and xs:dateTime collapse the white space around
    /// their value (`' 7 '` is 7); a string keeps it.
    static func collapsingSpace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
            WhiteSpace.contains(first) || WhiteSpace.contains(last)
        else { return text }
        let kept = text.utf8.drop(while: WhiteSpace.contains).reversed().drop(while: WhiteSpace.contains).reversed()
        return String(decoding: kept, as: UTF8.self)
    }
}
