import ConformanceEngine
import ConformanceModel
import Foundation
import ReferenceServer

/// The suite's side of the comparison, against one running reference server.
struct Bench {
    let profiles: [Profile]
    let config: TargetConfig
    let environment: [String: String]
    let targets: TargetSet

    /// Credentials reach the suite as a user's would: named in the config, read from the environment.
    init(url: String, profiles: [Profile]) async throws {
        self.profiles = profiles
        config = ReferenceFixtures.sharedConfig(baseURL: url, profiles: profiles)
        environment = ReferenceFixtures.credentialEnvironment
        targets = try await TargetSet.prepare(
            config: config, profiles: profiles, embedded: nil, environment: environment)
    }

    /// The requests the suite sends for `cases`, signed and with their session, ready to be replayed as they are.
    func preparedRequests(_ cases: [DerivedCase]) async throws -> [PreparedRequest] {
        let driver = HTTPDriver()
        let sessions = SessionCache()
        var requests: [PreparedRequest] = []
        for item in cases {
            if let request = try await prepare(item, driver: driver, sessions: sessions) { requests.append(request) }
        }
        await driver.shutdown()
        return requests
    }

    /// The request the suite would send for `item`; nil when the target cannot serve the case (a skip).
    private func prepare(_ item: DerivedCase, driver: HTTPDriver, sessions: SessionCache) async throws
        -> PreparedRequest?
    {
        guard let profile = profiles.first(where: { $0.api == item.api }), let target = targets.resolved[item.api],
            let unsigned = try? RequestBuilder(profile: profile, target: target).build(item)
        else { return nil }
        return try await Authorizer(profile: profile, target: target, sessions: sessions).apply(
            item.request.auth, to: unsigned, driver: driver)
    }

    /// Cases per second of one whole run, HTTP client start-up, log-on and the finished report included.
    func suiteRate(_ cases: [DerivedCase], concurrency: Int) async throws -> Double {
        let run = try await ConformanceRun.start(
            config: config, profiles: profiles, embedded: nil,
            settings: RunSettings(config: config, concurrency: concurrency), environment: environment)
        let report = await run.finish(await run.run(cases), order: cases.map(\.id))
        return Double(report.results.count) / report.seconds
    }

    /// Microseconds per `ResponseValidator` pass over the `succeeded` answer of each API and format.
    func validationCosts(rounds: Int) async throws -> [(String, Double)] {
        let schemas = SchemaStore()
        let driver = HTTPDriver()
        let sessions = SessionCache()
        var costs: [(String, Double)] = []
        for item in CaseDeriver.derive(profiles) where item.family == .response && item.request.fixture == "succeeded" {
            guard let profile = profiles.first(where: { $0.api == item.api }),
                let request = try await prepare(item, driver: driver, sessions: sessions),
                case .success(let answer) = await driver.send(request).outcome
            else { continue }
            let validator = ResponseValidator(profile: profile, format: item.format, schemas: schemas)
            let findings = validator.failures(ParsedAnswer(answer), sent: request.sent, role: "succeeded")
            precondition(findings.isEmpty, "\(item.id): the faithful answer should validate: \(findings)")
            let microseconds = await ConformanceBench.median(rounds) {
                let start = ContinuousClock.now
                // A fresh ParsedAnswer each time: the parse is part of the cost measured.
                for _ in 0..<2000 {
                    _ = validator.failures(ParsedAnswer(answer), sent: request.sent, role: "succeeded")
                }
                let elapsed = ContinuousClock.now - start
                return elapsed.inSeconds * 1e6 / 2000
            }
            costs.append(("\(item.api) \(item.format) (\(answer.body.count) bytes)", microseconds))
        }
        await driver.shutdown()
        return costs
    }

    func shutdown() async { await targets.shutdown() }
}
