import ConformanceModel
import Foundation
import Testing

@Suite("Target config")
struct TargetConfigTests {
    private let profiles = try! ProfileLoader.loadAll()

    private func load(_ json: String) throws -> TargetConfig {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return try TargetConfigLoader.load(url, profiles: profiles)
        } catch let error as ConfigurationError {
            throw ConfigurationError(file: "target.json", field: error.field, reason: error.reason)
        }
    }

    @Test(
        "a bad config names the field and the reason",
        arguments: [
            ("{}", "apis: is required but missing"),
            ("{\"apis\":{\"nope\":{}}}", "apis.nope.baseURL: is required but missing"),
            (
                "{\"apis\":{\"oracle\":{\"baseURL\":\"ftp://x\",\"auth\":{},\"inputs\":{},\"fixtures\":{}}}}",
                "apis.oracle.baseURL: must be an http or https URL, found 'ftp://x'"
            ),
            (
                "{\"apis\":{\"oracle\":{\"baseURL\":\"http://127.0.0.1:1\",\"auth\":{},\"inputs\":{},\"fixtures\":{}}}}",
                "apis.oracle.auth.tokenEnv: is required for bearer auth (the name of an environment variable)"
            ),
            (
                "{\"apis\":{\"oracle\":{\"baseURL\":\"http://127.0.0.1:1\",\"auth\":{\"tokenEnv\":\"T\"},\"inputs\":{},\"fixtures\":{\"winner\":{}}}}}",
                "apis.oracle.fixtures.winner: is not a fixture role of oracle; roles: bad-request, conflict, failed, forbidden, in-progress, lifecycle, precondition, server-error, succeeded"
            ),
            (
                "{\"apis\":{\"s3control\":{\"baseURL\":\"http://127.0.0.1:1\",\"auth\":{\"accessKeyIdEnv\":\"A\",\"secretAccessKeyEnv\":\"S\"},\"inputs\":{\"Account\":\"1\"},\"fixtures\":{}}}}",
                "apis.s3control.inputs.Account: is not an input of s3control"
            ),
            ("{\"apis\":{},\"timeoutSeconds\":-1}", "timeoutSeconds: must be a positive number of seconds"),
        ])
    func badConfig(_ example: (String, String)) {
        do {
            _ = try load(example.0)
            Issue.record("accepted: \(example.0)")
        } catch {
            #expect("\(error)" == "target.json: \(example.1)")
        }
    }

    /// `conformance run --config multi.json --api cloudcontrol` once refused the config for naming CenturyLink too.
    @Test("a config naming several APIs is checked against every profile, then narrowed to those the run asks for")
    func narrowedToTheSelection() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("multi-\(UUID().uuidString).json")
        try Data(
            """
            {"apis": {
              "cloudcontrol": {"baseURL": "http://127.0.0.1:1", "auth": {"accessKeyIdEnv": "A", "secretAccessKeyEnv": "B"},
                               "inputs": {}, "fixtures": {}},
              "centurylink": {"baseURL": "http://127.0.0.1:1", "auth": {"apiKeyEnv": "C", "passwordEnv": "D"},
                              "inputs": {}, "fixtures": {}}}}
            """.utf8
        ).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let selected = profiles.filter { $0.api == "cloudcontrol" }
        let config = try TargetConfigLoader.load(url, profiles: profiles, selecting: selected)
        #expect(config.apis.keys.sorted() == ["cloudcontrol"])
        #expect(throws: ConfigurationError.self) { try TargetConfigLoader.load(url, profiles: selected) }
    }

    @Test("a credential variable that is not set is named")
    func missingEnvironment() throws {
        let target = APITarget(baseURL: "http://127.0.0.1:1", auth: AuthConfig(tokenEnv: "CODECATALYST_TOKEN"))
        #expect(
            throws: ConfigurationError(
                file: "t.json", field: "apis.codecatalyst.auth.tokenEnv",
                reason: "environment variable CODECATALYST_TOKEN is not set")
        ) {
            try TargetConfigLoader.credentials(for: target, api: "codecatalyst", file: "t.json", environment: [:])
        }
    }
}
