import ConformanceModel
import Foundation

/// The XSDs the profiles name, each read from its profile's own folder, compiled once per run and shared by every
/// validation.
package final class SchemaStore: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [URL: Result<XMLSchema, XMLDocument.ParseError>] = [:]

    package init() {}

    func schema(at url: URL) -> Result<XMLSchema, XMLDocument.ParseError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[url] { return known }
        let result: Result<XMLSchema, XMLDocument.ParseError>
        do {
            let bytes = try [UInt8](Data(contentsOf: url))
            result = .success(try XMLSchema(xsd: bytes, name: url.lastPathComponent))
        } catch let error as XMLDocument.ParseError {
            result = .failure(error)
        } catch {
            result = .failure(.notWellFormed("schema \(url.path) cannot be read"))
        }
        compiled[url] = result
        return result
    }
}
