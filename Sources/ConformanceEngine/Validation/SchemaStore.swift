import ConformanceModel
import Foundation
import Synchronization

/// The XSDs the profiles name, each read from its profile's own folder, compiled once per run and shared by every
/// validation.
package final class SchemaStore: Sendable {
    /// A profile's folder and the schema's name: what the file is found by, without building its URL on every answer.
    private struct Key: Hashable {
        let origin: URL?
        let name: String
    }

    private let compiled = Mutex<[Key: (file: URL, schema: Result<XMLSchema, XMLDocument.ParseError>)]>([:])

    package init() {}

    /// The XSD `name` beside `profile`, compiled, and the file it came from (for the report).
    func schema(_ name: String, of profile: Profile) -> (file: URL, schema: Result<XMLSchema, XMLDocument.ParseError>) {
        // Held while compiling: two cases asking for one schema at once compile it once.
        compiled.withLock { compiled in
            let key = Key(origin: profile.origin, name: name)
            if let known = compiled[key] { return known }
            let url = profile.schemaFile(name)
            let result: Result<XMLSchema, XMLDocument.ParseError>
            do {
                let bytes = try [UInt8](Data(contentsOf: url))
                result = .success(try XMLSchema(xsd: bytes, name: url.lastPathComponent))
            } catch let error as XMLDocument.ParseError {
                result = .failure(error)
            } catch {
                result = .failure(.notWellFormed("schema \(url.path) cannot be read"))
            }
            compiled[key] = (url, result)
            return (url, result)
        }
    }
}
