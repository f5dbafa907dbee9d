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

/// The seed documents in `../shared/seeds/`, beside the checkout (CI lays them there too).
public enum SeedFiles {
    public static var root: URL {
        ProfileLoader.defaultDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "shared")
    }

    public static var available: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("seeds").path)
    }

    public static func lines(_ documentPath: String) throws -> [Substring] {
        let name = documentPath.replacingOccurrences(of: "shared/", with: "")
        let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
