import CLibXML2
import Foundation
import Synchronization

/// Compiled XPath expressions, each lent to one evaluation at a time. A response model asks the same dozen paths of
/// every answer, and compiling one (libxml2 also tries a streaming pattern for it) cost more than evaluating it.
/// libxml2 writes into a compiled expression while evaluating it (it caches function lookups in its steps), so one is
/// never evaluated by two threads at once: a pool per expression, at most one compiled copy per concurrent caller.
final class XPathPool: Sendable {
    static let shared = XPathPool()

    /// A compiled expression lent to one evaluation at a time, which is what makes handing it across threads safe.
    private struct Compiled: @unchecked Sendable {
        let pointer: xmlXPathCompExprPtr
    }

    private let idle = Mutex<[String: [Compiled]]>([:])

    /// `expression` evaluated in `context`; nil when it does not compile or evaluate, the reason in `collector`.
    func evaluate(_ expression: String, in context: xmlXPathContextPtr, collector: XMLErrorCollector)
        -> xmlXPathObjectPtr?
    {
        guard let compiled = borrow(expression, collector: collector) else { return nil }
        defer { idle.withLock { $0[expression, default: []].append(Compiled(pointer: compiled)) } }
        return xmlXPathCompiledEval(compiled, context)
    }

    private func borrow(_ expression: String, collector: XMLErrorCollector) -> xmlXPathCompExprPtr? {
        if let ready = idle.withLock({ $0[expression]?.popLast() }) { return ready.pointer }
        // Compiled in a context of its own, without a document (so without the document's string dictionary, which
        // the expression would otherwise keep), reporting to the caller's collector.
        guard let compiling = xmlXPathNewContext(nil) else { return nil }
        defer { xmlXPathFreeContext(compiling) }
        compiling.pointee.error = collectorCallback
        compiling.pointee.userData = collector.pointer
        return withExtendedLifetime(collector) { xmlXPathCtxtCompile(compiling, expression) }
    }
}
