import ConformanceModel
import EmbeddedTarget
import Foundation
import ReferenceServer
import TestFixtures
import Testing

@testable import ConformanceEngine

/// A new user's path: `conformance init` writes a config that is refused until filled in; filled in, it runs against
/// a server on the first try; the dry run's probe names what stands in the way (nothing answers, a wrong key, a
/// missing variable, a skewed clock) before any case is judged.
@Suite("A target config written from init, and the dry run's probes", .serialized)
struct TargetConfigOnboardingTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The template with every placeholder filled in from the reference server's fixtures, as a user fills it in from
    /// `conformance serve --fixtures`.
    static func filled(_ template: String, baseURL: String) -> String {
        var text = template.replacingOccurrences(
            of: "\"<FILL IN: the API's base URL: scheme, host, port and any path prefix>\"", with: "\"\(baseURL)\"")
        for profile in Fixtures.profiles {
            guard let table = ReferenceFixtures.tables[profile.api] else { continue }
            for input in profile.inputs where !input.identifies {
                if let value = table.defaults[input.name] {
                    text = text.replacingOccurrences(
                        of: "\"<FILL IN: the \(input.name) every request uses>\"", with: "\"\(value)\"")
                }
            }
            for role in profile.fixtures {
                if let value = table.roles[role.role]?.values.first {
                    text = text.replacingOccurrences(
                        of: "\"<FILL IN: \(role.description)>\"", with: JSONText.quoted(value))
                }
            }
        }
        return text
    }

    /// `conformance init`'s config filled in for a server at `baseURL`, written and loaded as a user's would be.
    static func filledConfig(baseURL: String) throws -> TargetConfig {
        let url = try write(filled(TargetConfigTemplate.text(for: Fixtures.profiles), baseURL: baseURL))
        defer { try? FileManager.default.removeItem(at: url) }
        return try TargetConfigLoader.load(url, profiles: Fixtures.profiles)
    }

    static let environment: [String: String] = {
        var environment: [String: String] = [:]
        for profile in Fixtures.profiles {
            let credentials = ReferenceFixtures.credentials(for: profile)
            let api = profile.api
            environment[TargetConfigTemplate.variable(api, "ACCESS_KEY_ID")] = credentials.accessKeyId
            environment[TargetConfigTemplate.variable(api, "SECRET_ACCESS_KEY")] = credentials.secretAccessKey
            environment[TargetConfigTemplate.variable(api, "TOKEN")] = credentials.token
            environment[TargetConfigTemplate.variable(api, "API_KEY")] = credentials.apiKey
            environment[TargetConfigTemplate.variable(api, "PASSWORD")] = credentials.password
        }
        return environment.compactMapValues { $0 }
    }()

    @Test("init's config is refused, naming a placeholder, until it is filled in")
    func placeholdersRefused() throws {
        let url = try Self.write(TargetConfigTemplate.text(for: Fixtures.profiles))
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try TargetConfigLoader.load(url, profiles: Fixtures.profiles)
            Issue.record("a config of placeholders was accepted")
        } catch let error as ConfigurationError {
            #expect(error.field == "apis.centurylink.baseURL")
            #expect(error.reason.contains("still the placeholder `conformance init` wrote"))
        }
    }

    @Test("init's config, filled in from the server's fixtures, runs every case of every API on the first try")
    func filledConfigRuns() async throws {
        let server = try await ReferenceServer.start(profiles: Fixtures.profiles)
        let config = try Self.filledConfig(baseURL: server.baseURL)
        let cases = CaseDeriver.derive(Fixtures.profiles).filter { $0.expectation != .lifecycle }
        let report = try await Fixtures.run(cases, config: config, environment: Self.environment)
        await server.stop()
        let notPassing = report.results.filter { $0.verdict != .pass }.map(\.explanation)
        #expect(notPassing == [])
    }

    private func probe(_ config: TargetConfig, environment: [String: String]) async throws -> [PreflightFinding] {
        let run = try await ConformanceRun.start(
            config: config, profiles: Fixtures.profiles, embedded: ReferenceServerLauncher(),
            settings: RunSettings(config: config), environment: environment)
        let findings = await run.preflight(CaseDeriver.derive(Fixtures.profiles))
        await run.close()
        return findings
    }

    @Test("the probe: ready against the reference server; nothing answering and a wrong key named")
    func probes() async throws {
        let server = try await ReferenceServer.start(profiles: Fixtures.profiles)
        let config = try Self.filledConfig(baseURL: server.baseURL)
        let ready = try await probe(config, environment: Self.environment)
        #expect(ready.count == 5 && ready.allSatisfy { $0.problem == nil }, "\(ready.map(\.detail))")

        var wrong = Self.environment
        wrong["CODECATALYST_TOKEN"] = "a-token-the-server-never-issued"
        let refused = try await probe(config, environment: wrong)
        #expect(refused.first { $0.api == "codecatalyst" }?.problem?.contains("credentials were refused") == true)
        await server.stop()

        var gone = config
        for api in gone.apis.keys { gone.apis[api]?.baseURL = "http://127.0.0.1:1" }
        let unanswered = try await probe(gone, environment: Self.environment)
        // CenturyLink's log-on is its first request: its failure says the same.
        #expect(unanswered.allSatisfy { $0.problem?.contains("connection refused by 127.0.0.1:1") == true })
        #expect(
            unanswered.first { $0.api == "oracle" }?.problem?.hasPrefix("nothing answers at http://127.0.0.1:1") == true
        )
    }

    @Test("a credential variable that is not set is named, each of them")
    func unsetVariables() throws {
        let target = TargetEntry(
            baseURL: "http://127.0.0.1:1", auth: AuthConfig(accessKeyIdEnv: "KEY_ID", secretAccessKeyEnv: "SECRET"))
        #expect(
            TargetConfigLoader.unsetVariables(for: target, api: "s3control", environment: ["KEY_ID": "x"])
                == ["apis.s3control.auth.secretAccessKeyEnv: SECRET"])
    }

    @Test("a clock too far from this one is named where SigV4 signs, and only said where it does not")
    func skewedClock() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let skewed = Answer(
            status: 200, headers: [("Date", formatter.string(from: now.addingTimeInterval(-1200)))], body: [],
            seconds: 0)
        let signed = PreflightFinding.read(skewed, profile: Fixtures.profile("s3control"), format: .xml, now: now)
        #expect(signed.problems == ["the clocks differ by 1200 s: SigV4 signatures are refused beyond 300 s"])
        let bearer = PreflightFinding.read(skewed, profile: Fixtures.profile("oracle"), format: .json, now: now)
        #expect(bearer.problems.isEmpty && bearer.clock == "its clock -1200 s from this one's")
    }
}
