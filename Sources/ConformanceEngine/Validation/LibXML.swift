import CLibXML2
import Foundation

/// libxml2, configured once for hostile input: no network, no external entities, no entity substitution.
///
/// libxml2 2.9 has no `XML_PARSE_NO_XXE`, so two walls stand instead: documents are parsed with `XML_PARSE_NONET`
/// and never `NOENT`/`DTDLOAD`/`HUGE` (an external entity stays unexpanded, amplification stays bounded), and the
/// external entity loader refuses every URL.
enum LibXML {
    private static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    static func prepare() { _ = setUp }

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue)
}

/// Collects the messages of one parse, validation or XPath evaluation. Each owner hands its own collector to
/// libxml2 through a context pointer, so concurrent parses never mix their errors.
final class XMLErrorCollector {
    private(set) var messages: [String] = []
    private(set) var dropped = 0
    /// Billion-laughs input repeats the same error thousands of times.
    static let limit = 20

    func add(_ error: xmlErrorPtr?) {
        guard let error else { return }
        let text =
            error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            ?? "libxml2 error \(error.pointee.code)"
        guard messages.count < Self.limit, !seen.contains(text) else {
            dropped += 1
            return
        }
        seen.insert(text)
        let line = error.pointee.line > 0 ? "line \(error.pointee.line): " : ""
        messages.append(line + text)
    }

    private var seen: Set<String> = []

    var summary: String {
        let text = messages.joined(separator: "; ")
        return dropped > 0 ? "\(text) (and \(dropped) more)" : text
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> XMLErrorCollector? {
        pointer.map { Unmanaged<XMLErrorCollector>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// The structured-error callback for schema and XPath contexts, which pass the collector itself as user data.
let collectorCallback: xmlStructuredErrorFunc = { userData, error in
    XMLErrorCollector.from(userData)?.add(error)
}
