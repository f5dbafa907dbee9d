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
            ("{\"apis\":{\"nope\":{}}}", "apis.nope.auth: is required but missing"),
            (
                "{\"apis\":{\"oracle\":{\"auth\":{\"tokenEnv\":\"T\"}}}}",
                "apis.oracle.baseURL: is required but missing (oracle has no documented endpoint: every instance has its own host)"
            ),
            (
                "{\"apis\":{\"s3control\":{\"auth\":{\"accessKeyIdEnv\":\"A\",\"secretAccessKeyEnv\":\"S\"}}}}",
                "apis.s3control.inputs.AccountId: is required to name the documented endpoint https://{AccountId}.s3-control.{region}.amazonaws.com (or give baseURL)"
            ),
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
            (
                "{\"apis\":{\"s3control\":{\"baseURL\":\"http://127.0.0.1:1\",\"auth\":{\"accessKeyIdEnv\":\"A\",\"secretAccessKeyEnv\":\"S\",\"region\":\"eu-west-1\"}}}}",
                "apis.s3control.auth.region: not a key of auth; did you mean apis.s3control.region? (the keys of auth: accessKeyIdEnv, secretAccessKeyEnv, tokenEnv, apiKeyEnv, passwordEnv, logonPath, cookieName)"
            ),
            (
                "{\"apis\":{\"oracle\":{\"baseUrl\":\"http://127.0.0.1:1\",\"baseURL\":\"http://127.0.0.1:1\",\"auth\":{\"tokenEnv\":\"T\"}}}}",
                "apis.oracle.baseUrl: not a key of an API's target; did you mean apis.oracle.baseURL? (the keys of an API's target: baseURL, baseURLEnv, region, auth, inputs, fixtures, formats, knownDivergences, pollIntervalSeconds, rateLimit)"
            ),
            (
                "{\"apis\":{},\"timeout\":5}",
                "timeout: not a key of a target config (the keys of a target config: name, timeoutSeconds, maxBodyBytes, lifecycleTimeoutSeconds, strict, apis, embedded)"
            ),
            (
                "{\"apis\":{\"oracle\":{\"baseURLEnv\":\"CONFORMANCE_TEST_UNSET_URL\",\"auth\":{\"tokenEnv\":\"T\"}}}}",
                "apis.oracle.baseURLEnv: environment variable CONFORMANCE_TEST_UNSET_URL is not set"
            ),
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

    @Test("inputs and fixtures may be left out; the base URL may come from the environment; auth names a cookie")
    func optionalKeys() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString).json")
        try Data(
            #"{"apis": {"centurylink": {"baseURLEnv": "TARGET_URL", "auth": {"apiKeyEnv": "K", "passwordEnv": "P", "cookieName": "sid"}}}}"#
                .utf8
        ).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let config = try TargetConfigLoader.load(
            url, profiles: profiles, environment: ["TARGET_URL": "http://127.0.0.1:8123"])
        let target = try #require(config.apis["centurylink"])
        #expect(target.baseURL == "http://127.0.0.1:8123")
        #expect(target.inputs.isEmpty && target.fixtures.isEmpty)
        #expect(target.auth.cookieName == "sid")
    }

    /// The key lists that refuse unknown keys are the config types' own: a key added to a type and not to the list
    /// would be refused, and the other way round ignored.
    @Test("the keys a config may hold are exactly those its types read")
    func keyListsMatchTheTypes() throws {
        let full = TargetConfig(
            name: "n", timeoutSeconds: 1, maxBodyBytes: 2048, lifecycleTimeoutSeconds: 1, strict: true,
            apis: [
                "oracle": {
                    var target = TargetEntry(
                        baseURL: "http://x", region: "r",
                        auth: AuthConfig(
                            accessKeyIdEnv: "a", secretAccessKeyEnv: "b", tokenEnv: "c", apiKeyEnv: "d",
                            passwordEnv: "e",
                            logonPath: "/l", cookieName: "c"),
                        inputs: ["i": "v"], fixtures: ["f": [:]], formats: [.json],
                        knownDivergences: [KnownDivergence(cases: ["x"], reason: "y")], pollIntervalSeconds: 1)
                    target.baseURLEnv = "U"
                    target.rateLimit = 5
                    return target
                }()
            ],
            embedded: EmbeddedOptions(defects: [], variations: [], timeScale: 1))
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(full)) as? [String: Any])
        let api = try #require((object["apis"] as? [String: Any])?["oracle"] as? [String: Any])
        #expect(Set(object.keys) == Set(TargetConfigKeys.top).subtracting(["$schema"]))
        #expect(Set(api.keys) == Set(TargetConfigKeys.api))
        #expect(Set((api["auth"] as? [String: Any] ?? [:]).keys) == Set(TargetConfigKeys.auth))
        #expect(Set((object["embedded"] as? [String: Any] ?? [:]).keys) == Set(TargetConfigKeys.embedded))
        let divergence = (api["knownDivergences"] as? [[String: Any]])?.first ?? [:]
        #expect(Set(divergence.keys) == Set(TargetConfigKeys.knownDivergence))
    }

    /// Against a live service a config needs no URL: the profile's documented endpoint, filled in.
    @Test("without a baseURL each API is sent to its documented endpoint, filled with its region and inputs")
    func documentedEndpoints() throws {
        let config = try load(
            """
            {"apis": {
              "cloudcontrol": {"region": "eu-west-1", "auth": {"accessKeyIdEnv": "A", "secretAccessKeyEnv": "S"}},
              "s3control": {"region": "us-west-2", "inputs": {"AccountId": "111122223333"},
                            "auth": {"accessKeyIdEnv": "A", "secretAccessKeyEnv": "S"}},
              "codecatalyst": {"auth": {"tokenEnv": "T"}},
              "centurylink": {"auth": {"apiKeyEnv": "K", "passwordEnv": "P"}},
              "oracle": {"baseURL": "https://my-instance.analytics.ocp.oraclecloud.com", "auth": {"tokenEnv": "T"}}}}
            """)
        #expect(config.apis["cloudcontrol"]?.baseURL == "https://cloudcontrolapi.eu-west-1.amazonaws.com")
        #expect(config.apis["s3control"]?.baseURL == "https://111122223333.s3-control.us-west-2.amazonaws.com")
        #expect(config.apis["codecatalyst"]?.baseURL == "https://codecatalyst.global.api.aws")
        #expect(config.apis["centurylink"]?.baseURL == "https://api.ctl.io")
        #expect(config.apis["oracle"]?.baseURL == "https://my-instance.analytics.ocp.oraclecloud.com")
    }

    @Test("a credential variable that is not set is named")
    func missingEnvironment() throws {
        let target = TargetEntry(baseURL: "http://127.0.0.1:1", auth: AuthConfig(tokenEnv: "CODECATALYST_TOKEN"))
        #expect(
            throws: ConfigurationError(
                file: "t.json", field: "apis.codecatalyst.auth.tokenEnv",
                reason: "environment variable CODECATALYST_TOKEN is not set")
        ) {
            try TargetConfigLoader.credentials(for: target, api: "codecatalyst", file: "t.json", environment: [:])
        }
    }
}
