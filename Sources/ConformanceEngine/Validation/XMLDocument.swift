import CLibXML2
import Foundation

/// A parsed XML document, owned by one check at a time (not shared between tasks).
final class XMLDocument {
    enum ParseError: Error, CustomStringConvertible {
        case notWellFormed(String)
        var description: String {
            switch self {
            case .notWellFormed(let messages): return "not well-formed XML: \(messages)"
            }
        }
    }

    private let doc: xmlDocPtr

    init(bytes: [UInt8]) throws {
        // An empty array's buffer may have no base address at all.
        guard !bytes.isEmpty else { throw ParseError.notWellFormed("the body is empty") }
        guard bytes.count < Int(Int32.max) else {
            throw ParseError.notWellFormed("the body is larger than libxml2 reads in one piece")
        }
        LibXML.prepare()
        guard let context = xmlNewParserCtxt() else {
            throw ParseError.notWellFormed("libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = XMLErrorCollector()
        context.pointee._private = collector.pointer
        context.pointee.sax.pointee.serror = { userData, error in
            let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self)
            XMLErrorCollector.from(parser?.pointee._private)?.add(error)
        }
        let parsed: xmlDocPtr? = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
                guard let address = buffer.baseAddress else { return nil }
                return address.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(buffer.count), "answer.xml", nil, LibXML.parseOptions)
                }
            }
        }
        guard let parsed, context.pointee.wellFormed != 0, collector.messages.isEmpty else {
            if let parsed { xmlFreeDoc(parsed) }
            throw ParseError.notWellFormed(
                collector.messages.isEmpty ? "the document is empty or truncated" : collector.summary)
        }
        doc = parsed
    }

    /// One XPath context per namespace bound to `ns`, made on the first query and kept for the others: a response
    /// model asks a dozen paths of each answer, and a fresh context (with its namespace table) per path was most of
    /// the XPath cost.
    private var contexts: [String: xmlXPathContextPtr] = [:]

    deinit {
        for context in contexts.values { xmlXPathFreeContext(context) }
        xmlFreeDoc(doc)
    }

    /// The context of the last query: nearly every query of a document binds the same namespace.
    private var last: (namespace: String, context: xmlXPathContextPtr)?

    private func context(namespace: String?) -> xmlXPathContextPtr? {
        let key = namespace ?? ""
        if let last, last.namespace == key { return last.context }
        if let known = contexts[key] {
            last = (key, known)
            return known
        }
        guard let context = xmlXPathNewContext(doc) else { return nil }
        context.pointee.error = collectorCallback
        if !key.isEmpty { xmlXPathRegisterNs(context, "ns", key) }
        contexts[key] = context
        last = (key, context)
        return context
    }

    /// The root element's local name and namespace URI ("" for none).
    var root: (name: String, namespace: String) {
        guard let element = xmlDocGetRootElement(doc) else { return ("", "") }
        let name = String(cString: element.pointee.name)
        let namespace = element.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } ?? ""
        return (name, namespace)
    }

    /// The string values of the nodes `expression` selects (elements' text, attributes' values), with prefix `ns`
    /// bound to `namespace`. A bad expression is reported, not trapped.
    func values(_ expression: String, namespace: String?) throws -> [String] {
        guard let context = context(namespace: namespace) else { return [] }
        let collector = XMLErrorCollector()
        context.pointee.userData = collector.pointer
        defer { context.pointee.userData = nil }
        let result: xmlXPathObjectPtr? = withExtendedLifetime(collector) {
            XPathPool.shared.evaluate(expression, in: context, collector: collector)
        }
        guard let result else {
            throw ParseError.notWellFormed(
                "XPath '\(expression)' could not be evaluated: \(collector.messages.isEmpty ? "invalid expression" : collector.summary)"
            )
        }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            guard let set = result.pointee.nodesetval else { return [] }
            return (0..<Int(set.pointee.nodeNr)).compactMap { index in
                guard let node = set.pointee.nodeTab[index], let content = xmlNodeGetContent(node) else { return nil }
                defer { cxml_free(content) }
                return String(cString: content)
            }
        case XPATH_STRING:
            return result.pointee.stringval.map { [String(cString: $0)] } ?? []
        case XPATH_NUMBER:
            return [String(result.pointee.floatval)]
        case XPATH_BOOLEAN:
            return [result.pointee.boolval != 0 ? "true" : "false"]
        default:
            return []
        }
    }

    /// Validation messages; empty when the document satisfies `schema`.
    func violations(of schema: XMLSchema) -> [String] {
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            return ["libxml2 could not allocate a schema validator"]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = XMLErrorCollector()
        xmlSchemaSetValidStructuredErrors(context, collectorCallback, collector.pointer)
        let result = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, doc) }
        if result == 0 { return [] }
        return collector.messages.isEmpty ? ["schema validation failed (libxml2 code \(result))"] : collector.messages
    }
}

extension XMLDocument {
    /// Takes every element's and attribute's namespace away, so paths and schemas match by local name alone, as the
    /// query protocol's clients read an answer. Done once; a second call finds nothing to take.
    func dropNamespaces() {
        guard let root = xmlDocGetRootElement(doc) else { return }
        var pending: [xmlNodePtr] = [root]
        while let node = pending.popLast() {
            node.pointee.ns = nil
            var attribute = node.pointee.properties
            while let current = attribute {
                current.pointee.ns = nil
                attribute = current.pointee.next
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { pending.append(current) }
                child = current.pointee.next
            }
        }
    }
}
