import Foundation

/// XSDs from `Conformance/xsd/`, compiled once per run and shared by every validation.
package final class SchemaStore: @unchecked Sendable {
    private let directory: URL
    private let lock = NSLock()
    private var compiled: [String: Result<XMLSchema, XMLDocument.ParseError>] = [:]

    package init(directory: URL) {
        self.directory = directory
    }

    func schema(named name: String) -> Result<XMLSchema, XMLDocument.ParseError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[name] { return known }
        let result: Result<XMLSchema, XMLDocument.ParseError>
        do {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
            result = .success(try XMLSchema(xsd: bytes, name: name))
        } catch let error as XMLDocument.ParseError {
            result = .failure(error)
        } catch {
            result = .failure(.notWellFormed("schema \(name) cannot be read from \(directory.path)"))
        }
        compiled[name] = result
        return result
    }
}
