import ConformanceModel
import Foundation

/// Runs derived cases against prepared targets with bounded concurrency.
///
/// ```swift
/// let targets = try await PreparedTargets.prepare(config: nil, profiles: profiles)
/// let report = await ConformanceRun(profiles: profiles, targets: targets).execute(cases)
/// await targets.shutdown()
/// ```
public struct ConformanceRun: Sendable {
    public let profiles: [Profile]
    public let targets: PreparedTargets
    public var concurrency: Int
    public var timeout: Double
    public var maxBodyBytes: Int
    public var lifecycleTimeout: Double
    public var pollInterval: Duration
    /// Called as each case finishes (progress output).
    public var onResult: (@Sendable (CaseResult) -> Void)?

    public init(profiles: [Profile], targets: PreparedTargets, config: TargetConfig? = nil, concurrency: Int = 4) {
        self.profiles = profiles
        self.targets = targets
        self.concurrency = max(1, concurrency)
        timeout = config?.timeoutSeconds ?? 10
        maxBodyBytes = config?.maxBodyBytes ?? 1 << 20
        lifecycleTimeout = config?.lifecycleTimeoutSeconds ?? 20
        pollInterval = .milliseconds(200)
    }

    /// Results in the order of `cases`.
    public func execute(_ cases: [DerivedCase]) async -> RunReport {
        let started = Date()
        let clock = ContinuousClock.now
        let driver = HTTPDriver(timeout: timeout, maxBodyBytes: maxBodyBytes)
        let sessions = SessionCache()
        let schemas = SchemaStore(directory: ProfileLoader.defaultDirectory.appendingPathComponent("xsd"))
        let redactor = Redactor(secrets: targets.secrets)
        let byAPI = Dictionary(uniqueKeysWithValues: profiles.map { ($0.api, $0) })
        var results = [CaseResult?](repeating: nil, count: cases.count)
        await withTaskGroup(of: (Int, CaseResult).self) { group in
            var next = 0
            func start(_ index: Int) {
                let item = cases[index]
                group.addTask { [self] in
                    guard let profile = byAPI[item.api], let target = targets.targets[item.api] else {
                        let reason = targets.unconfigured[item.api] ?? "no profile for \(item.api)"
                        return (index, CaseResult(testCase: item, verdict: .skip(reason), transcript: "", curl: nil, seconds: 0, reachedOperation: false))
                    }
                    let runner = CaseRunner(profile: profile, target: target, driver: driver, schemas: schemas, sessions: sessions,
                                            redactor: redactor, lifecycleTimeout: lifecycleTimeout, pollInterval: pollInterval)
                    return (index, await runner.run(item))
                }
            }
            while next < min(concurrency, cases.count) { start(next); next += 1 }
            for await (index, result) in group {
                results[index] = result
                onResult?(result)
                if next < cases.count { start(next); next += 1 }
            }
        }
        let cookies = await sessions.all
        await driver.shutdown()
        let finalRedactor = Redactor(secrets: targets.secrets + cookies)
        let redacted = results.compactMap { $0 }.map { result in
            CaseResult(testCase: result.testCase, verdict: result.verdict, transcript: finalRedactor.text(result.transcript),
                       curl: result.curl.map(finalRedactor.text), seconds: result.seconds, reachedOperation: result.reachedOperation)
        }
        return RunReport(profiles: profiles, results: redacted, targetName: targets.name,
                         targetLabels: targets.targets.mapValues(\.label), started: started,
                         seconds: HTTPDriver.seconds(since: clock))
    }
}

/// Everything a run produced, for the summary and the JUnit report.
public struct RunReport: Sendable {
    public let profiles: [Profile]
    public let results: [CaseResult]
    public let targetName: String
    public let targetLabels: [String: String]
    public let started: Date
    public let seconds: Double

    public var failed: Bool { results.contains { $0.verdict.isFailure } }
}
