import ArgumentParser
import ConformanceModel
import Foundation
import ReferenceServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the embedded reference server in the foreground.")

    @OptionGroup var profiles: ProfileOptions
    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).")
    var port = 8080
    @Option(name: .customLong("defect"), help: "Switch on a defect mode (repeatable); see --list-defects.")
    var defects: [String] = []
    @Option(
        name: .customLong("variation"),
        help: "Answer in a different but conforming way (repeatable); see --list-variations.")
    var variations: [String] = []
    @Option(help: "Lifecycle speed-up factor.")
    var timeScale = 1.0
    @Flag(help: "List the defect modes and what each breaks, then exit.")
    var listDefects = false
    @Flag(help: "List the variation modes (different but conforming answers), then exit.")
    var listVariations = false
    @Flag(help: "Print the fixture ids and test credentials, then exit.")
    var fixtures = false
    @Option(
        help: ArgumentHelp(
            "Once listening, write a target config for this server to this file.",
            discussion:
                "Credentials are named as environment variables (REFERENCE_AWS_ACCESS_KEY_ID, REFERENCE_AWS_SECRET_ACCESS_KEY, REFERENCE_TOKEN, REFERENCE_API_KEY, REFERENCE_PASSWORD); --fixtures prints their values."
        ))
    var writeConfig: String?

    func run() async throws {
        if listDefects {
            for defect in Defect.allCases {
                var text =
                    "\(defect.rawValue)\n    \(defect.deviation)\n    fails: \(defect.expectedFailures.isEmpty ? "nothing (it breaks only a recommended rule)" : defect.expectedFailures.joined(separator: ", "))"
                if !defect.expectedWarnings.isEmpty {
                    text += "\n    warns: \(defect.expectedWarnings.joined(separator: ", "))"
                }
                print(text)
            }
            return
        }
        if listVariations {
            for variation in Variation.allCases { print("\(variation.rawValue)\n    \(variation.difference)") }
            return
        }
        if fixtures {
            printFixtures()
            return
        }
        var chosen: Set<Defect> = []
        for name in defects {
            guard let defect = Defect(rawValue: name) else {
                throw ValidationError("unknown defect '\(name)'; see --list-defects")
            }
            chosen.insert(defect)
        }
        var differences: Set<Variation> = []
        for name in variations {
            guard let variation = Variation(rawValue: name) else {
                throw ValidationError("unknown variation '\(name)'; see --list-variations")
            }
            differences.insert(variation)
        }
        let loaded = try await exitOnConfigurationError { try profiles.load() }
        let server = try await ReferenceServer.start(
            profiles: loaded,
            options: .init(
                host: host, port: port, defects: chosen, variations: differences,
                timeScale: timeScale))
        var line = "reference server listening on \(server.baseURL)"
        if !chosen.isEmpty { line += " with defects \(chosen.map(\.rawValue).sorted().joined(separator: ", "))" }
        if !differences.isEmpty {
            line += " with variations \(differences.map(\.rawValue).sorted().joined(separator: ", "))"
        }
        if let writeConfig {
            try write(
                config: ReferenceFixtures.sharedConfig(baseURL: server.baseURL, profiles: loaded), to: writeConfig)
        }
        // Written unbuffered: whoever started the server (a client test, a script) reads this line from a pipe to learn
        // the port while the server keeps running.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
        try await server.wait()
    }

    /// The config a suite run elsewhere (another package's `swift test`, `conformance run --config`) uses to reach
    /// this server.
    private func write(config: TargetConfig, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(config).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ValidationError("cannot write the target config to \(path): \(error.localizedDescription)")
        }
    }

    private func printFixtures() {
        print("Test credentials (accepted by this server only):")
        print(
            "  AWS (cloudcontrol, s3control): access key \(ReferenceFixtures.awsAccessKeyId), secret \(ReferenceFixtures.awsSecretAccessKey), region \(ReferenceFixtures.region)"
        )
        print("  Bearer (codecatalyst, oracle): \(ReferenceFixtures.bearerToken)")
        print(
            "  CenturyLink log-on: APIKey \(ReferenceFixtures.centuryLinkAPIKey), Password \(ReferenceFixtures.centuryLinkPassword)"
        )
        for (api, table) in ReferenceFixtures.tables.sorted(by: { $0.key < $1.key }) {
            print(
                "\(api)\(table.defaults.isEmpty ? "" : "  (defaults: \(table.defaults.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))")"
            )
            for (role, values) in table.roles.sorted(by: { $0.key < $1.key }) {
                print(
                    "  \(role.padding(toLength: 13, withPad: " ", startingAt: 0)) \(values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))"
                )
            }
        }
    }
}
