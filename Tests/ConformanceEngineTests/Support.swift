@testable import ConformanceEngine
import ConformanceModel
import Foundation
import ReferenceServer

enum Fixtures {
    static let profiles: [Profile] = try! ProfileLoader.loadAll()

    static func profile(_ api: String) -> Profile { profiles.first { $0.api == api }! }

    static var sharedJUnitSchema: URL {
        ProfileLoader.defaultDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/junit/junit-10.xsd")
    }

    static var hasSharedJUnitSchema: Bool { FileManager.default.fileExists(atPath: sharedJUnitSchema.path) }

    static func answer(status: Int = 200, contentType: String? = "application/json", body: String, headers: [(String, String)] = []) -> Answer {
        var all = headers.map { (name: $0.0, value: $0.1) }
        if let contentType { all.append(("Content-Type", contentType)) }
        return Answer(status: status, headers: all, body: Array(body.utf8), seconds: 0.01)
    }

    /// Runs `cases` against a fresh embedded server with `defects`, and stops it.
    static func run(_ cases: [DerivedCase], defects: [Defect] = [], variations: [Variation] = [], timeout: Double = 3,
                    strict: Bool = false) async throws -> RunReport {
        let config = TargetConfig(timeoutSeconds: timeout, strict: strict, apis: [:],
                                  embedded: EmbeddedServer(defects: defects.map(\.rawValue), variations: variations.map(\.rawValue)))
        let targets = try await PreparedTargets.prepare(config: config, profiles: profiles)
        let report = await ConformanceRun(profiles: profiles, targets: targets, config: config, concurrency: 8).execute(cases)
        await targets.shutdown()
        return report
    }
}
