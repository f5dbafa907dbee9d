import ConformanceModel
import Foundation

/// Runs single cases against prepared targets, sharing one HTTP client, session cache and schema store; the
/// engine behind both `conformance run` and the Swift Testing suite.
public final class CaseExecutor: Sendable {
    private let profiles: [String: Profile]
    private let targets: PreparedTargets
    private let driver: HTTPDriver
    private let sessions = SessionCache()
    private let schemas = SchemaStore(directory: ProfileLoader.defaultDirectory.appendingPathComponent("xsd"))
    private let redactor: Redactor
    private let strict: Bool

    public init(run: ConformanceRun) {
        profiles = Dictionary(uniqueKeysWithValues: run.profiles.map { ($0.api, $0) })
        targets = run.targets
        driver = HTTPDriver(timeout: run.timeout, maxBodyBytes: run.maxBodyBytes)
        redactor = Redactor(secrets: run.targets.secrets)
        strict = run.strict
    }

    public func run(_ item: DerivedCase) async -> CaseResult {
        guard let profile = profiles[item.api], let target = targets.targets[item.api] else {
            let reason = targets.unconfigured[item.api] ?? "no profile for \(item.api)"
            return CaseResult(testCase: item, verdict: .skip(reason), transcript: "", curl: nil, seconds: 0, reachedOperation: false)
        }
        let runner = CaseRunner(profile: profile, target: target, driver: driver, schemas: schemas, sessions: sessions,
                                redactor: redactor, strict: strict)
        return await runner.run(item)
    }

    /// Closes the HTTP client and masks, in every result, the session cookies issued during the run.
    public func finish(_ results: [CaseResult]) async -> [CaseResult] {
        let cookies = await sessions.all
        await driver.shutdown()
        let redactor = Redactor(secrets: targets.secrets + cookies)
        return results.map { result in
            CaseResult(testCase: result.testCase, verdict: result.verdict, transcript: redactor.text(result.transcript),
                       curl: result.curl.map(redactor.text), seconds: result.seconds, reachedOperation: result.reachedOperation)
        }
    }
}
