import ArgumentParser
import ConformanceModel
import Foundation

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starting target config: every input, every fixture role, the credential variables.",
        discussion:
            "Every value to fill in is a placeholder (\"<FILL IN: what it must be>\") that `conformance run` refuses, naming the field, until it is filled; a fixture role the target cannot provide can be removed, and its cases are then skipped with the reason. Credentials are never written: the config names the environment variables that hold them. To point the suite at the embedded reference server instead, `conformance serve --write-config FILE` writes a config that is already complete."
    )

    @OptionGroup var profiles: ProfileOptions
    @Option(name: .shortAndLong, help: "Where to write the config (default: standard output).")
    var output: String?

    /// The package's schema, as a path relative to the written config where both are on one file system, else whole.
    private func schemaReference() -> String {
        let schema = (profiles.directory.map { URL(fileURLWithPath: $0) } ?? ProfileLoader.defaultDirectory)
            .appendingPathComponent("schema/target-config.schema.json").standardizedFileURL.path
        guard let output else { return schema }
        let from = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: schema).pathComponents
        let shared = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)).joined(separator: "/")
    }

    func run() async throws {
        let loaded = try await exitOnConfigurationError { try profiles.load() }
        let text = TargetConfigTemplate.text(for: loaded, schema: schemaReference())
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ValidationError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        var variables: [String] = []
        for profile in loaded {
            switch profile.auth.scheme {
            case .sigv4:
                variables += ["ACCESS_KEY_ID", "SECRET_ACCESS_KEY"].map {
                    TargetConfigTemplate.variable(profile.api, $0)
                }
            case .bearer: variables.append(TargetConfigTemplate.variable(profile.api, "TOKEN"))
            case .sessionCookie:
                variables += ["API_KEY", "PASSWORD"].map { TargetConfigTemplate.variable(profile.api, $0) }
            }
        }
        FileHandle.standardError.write(
            Data(
                """
                Next: fill in every <FILL IN …> value (\(output ?? "the config") is refused until you do), remove the fixture \
                roles your target cannot provide, set \(variables.joined(separator: ", ")), then check it with \
                `conformance run --config \(output ?? "FILE") --dry-run` before the run. For the embedded reference \
                server, `conformance serve --write-config FILE` writes a complete config instead.

                """.utf8))
    }
}
