import Foundation

/// Reads profiles from a folder and refuses any that would make the suite's verdicts wrong.
public enum ProfileLoader {
    /// `Conformance/` at the top of this package, found from this file's place in the checkout, so `swift test`,
    /// `swift run` and a package that depends on this one all find the same profiles. `CONFORMANCE_PROFILES`
    /// overrides it.
    public static var defaultDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["CONFORMANCE_PROFILES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Loading/
            .deletingLastPathComponent()  // ConformanceModel/
            .deletingLastPathComponent()  // Sources/
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Conformance")
    }

    /// Every `*.json` profile directly in `directory`, sorted by API name.
    public static func loadAll(from directory: URL = defaultDirectory) throws -> [Profile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ConfigurationError(file: directory.path, field: "", reason: "profile folder cannot be read")
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        if files.isEmpty {
            throw ConfigurationError(file: directory.path, field: "", reason: "holds no *.json profile")
        }
        let profiles = try files.map { try load(directory.appendingPathComponent($0)) }
        var seen: [String: String] = [:]
        for (profile, file) in zip(profiles, files) {
            if let other = seen[profile.api] {
                throw ConfigurationError(
                    file: file, field: "api", reason: "'\(profile.api)' is already defined by \(other)")
            }
            seen[profile.api] = file
        }
        return profiles.sorted { $0.api < $1.api }
    }

    public static func load(_ url: URL) throws -> Profile {
        var profile = try decode(DataFileDecoder.read(url), file: url.lastPathComponent)
        profile.origin = url
        return profile
    }

    public static func decode(_ data: Data, file: String) throws -> Profile {
        let profile = try DataFileDecoder.decode(Profile.self, from: data, file: file)
        try ProfileValidator(profile: profile, file: file).validate()
        return profile
    }
}
