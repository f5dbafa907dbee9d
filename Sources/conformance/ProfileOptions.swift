import ArgumentParser
import ConformanceEngine
import ConformanceModel
import Foundation

/// Where profiles come from and which APIs to keep; shared by every subcommand.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("profiles"), help: "Folder of API profiles (default: the package's Conformance/).")
    var directory: String?

    @Option(
        name: .customLong("api"),
        help: "Only this API (repeatable): cloudcontrol, centurylink, s3control, codecatalyst, oracle.")
    var apis: [String] = []

    func load() throws -> [Profile] {
        try loadAll().selected
    }

    /// Every profile of the folder (what a target config is checked against: it may configure more APIs than the
    /// run asks for), and those `--api` keeps.
    func loadAll() throws -> (all: [Profile], selected: [Profile]) {
        let all = try ProfileLoader.loadAll(
            from: directory.map { URL(fileURLWithPath: $0) } ?? ProfileLoader.defaultDirectory)
        let known = Set(all.map(\.api))
        for api in apis where !known.contains(api) {
            throw ValidationError("unknown API '\(api)'; profiles exist for \(known.sorted().joined(separator: ", "))")
        }
        return (all, apis.isEmpty ? all : all.filter { apis.contains($0.api) })
    }
}

/// Configuration errors end the command with exit code 2 and the file/field/reason message.
func exitOnConfigurationError<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data("conformance: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
