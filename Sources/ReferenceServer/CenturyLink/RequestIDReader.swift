import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `<QueueStatusRequest><RequestID>…</RequestID></QueueStatusRequest>`.
final class RequestIDReader: NSObject, XMLParserDelegate {
    var root: String?
    var value: String?
    /// True once the root element has ended: a truncated document never gets here.
    private(set) var closed = false
    private var inside = false
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        depth += 1
        inside = name == "RequestID"
        if inside { value = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inside { value? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "RequestID" { inside = false }
        depth -= 1
        if depth == 0 { closed = true }
    }
}
