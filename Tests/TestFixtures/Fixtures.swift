import ConformanceModel
import Foundation

/// What every test target reads: the package's profiles, and the JUnit schema CI's report consumers validate
/// against. Each test target adds its own helpers in an extension.
public enum Fixtures {
    public static let profiles: [Profile] = try! ProfileLoader.loadAll()

    public static func profile(_ api: String) -> Profile { profiles.first { $0.api == api }! }

    /// `../shared/junit/junit-10.xsd`, beside the checkout.
    public static var sharedJUnitSchema: URL {
        ProfileLoader.defaultDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/junit/junit-10.xsd")
    }

    public static var hasSharedJUnitSchema: Bool { FileManager.default.fileExists(atPath: sharedJUnitSchema.path) }
}
