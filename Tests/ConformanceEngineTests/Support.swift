import ConformanceModel
import Foundation

@testable import ConformanceEngine

enum Fixtures {
    static let profiles: [Profile] = try! ProfileLoader.loadAll()

    static func profile(_ api: String) -> Profile { profiles.first { $0.api == api }! }

    static var sharedJUnitSchema: URL {
        ProfileLoader.defaultDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/junit/junit-10.xsd")
    }

    static var hasSharedJUnitSchema: Bool { FileManager.default.fileExists(atPath: sharedJUnitSchema.path) }

    static func answer(
        status: Int = 200, contentType: String? = "application/json", body: String, headers: [(String, String)] = []
    ) -> Answer {
        var all = headers.map { (name: $0.0, value: $0.1) }
        if let contentType { all.append(("Content-Type", contentType)) }
        return Answer(status: status, headers: all, body: Array(body.utf8), seconds: 0.01)
    }
}
