import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a v1 request document, `<Root><Name>value</Name>…</Root>`: the root's name and its children's texts.
final class FlatXMLReader: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private(set) var fields: [String: String] = [:]
    /// True once the root element has ended: a truncated document never gets here.
    private(set) var closed = false
    private var current: String?
    private var depth = 0

    /// Nil when the body is not a complete, well-formed document (external entities are never resolved).
    static func read(_ body: [UInt8]) -> FlatXMLReader? {
        let reader = FlatXMLReader()
        let parser = XMLParser(data: Data(body))
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), parser.parserError == nil, reader.closed else { return nil }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        depth += 1
        current = depth == 2 ? name : nil
        if let current { fields[current] = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { fields[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current = nil
        depth -= 1
        if depth == 0 { closed = true }
    }
}
