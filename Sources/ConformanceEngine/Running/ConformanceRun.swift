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
        let executor = CaseExecutor(run: self)
        var results = [CaseResult?](repeating: nil, count: cases.count)
        await withTaskGroup(of: (Int, CaseResult).self) { group in
            var next = 0
            func start(_ index: Int) {
                group.addTask { (index, await executor.run(cases[index])) }
            }
            while next < min(concurrency, cases.count) { start(next); next += 1 }
            for await (index, result) in group {
                results[index] = result
                onResult?(result)
                if next < cases.count { start(next); next += 1 }
            }
        }
        let redacted = await executor.finish(results.compactMap { $0 })
        return RunReport(profiles: profiles, results: redacted, targetName: targets.name,
                         targetLabels: targets.targets.mapValues(\.label), started: started,
                         seconds: HTTPDriver.seconds(since: clock))
    }
}

/// Runs single cases against prepared targets, sharing one HTTP client, session cache and schema store; the
/// engine behind both `conformance run` and the Swift Testing suite.
public final class CaseExecutor: Sendable {
    private let profiles: [String: Profile]
    private let targets: PreparedTargets
    private let driver: HTTPDriver
    private let sessions = SessionCache()
    private let schemas = SchemaStore(directory: ProfileLoader.defaultDirectory.appendingPathComponent("xsd"))
    private let redactor: Redactor
    private let lifecycleTimeout: Double
    private let pollInterval: Duration

    public init(run: ConformanceRun) {
        profiles = Dictionary(uniqueKeysWithValues: run.profiles.map { ($0.api, $0) })
        targets = run.targets
        driver = HTTPDriver(timeout: run.timeout, maxBodyBytes: run.maxBodyBytes)
        redactor = Redactor(secrets: run.targets.secrets)
        lifecycleTimeout = run.lifecycleTimeout
        pollInterval = run.pollInterval
    }

    public func run(_ item: DerivedCase) async -> CaseResult {
        guard let profile = profiles[item.api], let target = targets.targets[item.api] else {
            let reason = targets.unconfigured[item.api] ?? "no profile for \(item.api)"
            return CaseResult(testCase: item, verdict: .skip(reason), transcript: "", curl: nil, seconds: 0, reachedOperation: false)
        }
        let runner = CaseRunner(profile: profile, target: target, driver: driver, schemas: schemas, sessions: sessions,
                                redactor: redactor, lifecycleTimeout: lifecycleTimeout, pollInterval: pollInterval)
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

/// Everything a run produced, for the summary and the JUnit report.
public struct RunReport: Sendable {
    public init(profiles: [Profile], results: [CaseResult], targetName: String, targetLabels: [String: String], started: Date, seconds: Double) {
        self.profiles = profiles
        self.results = results
        self.targetName = targetName
        self.targetLabels = targetLabels
        self.started = started
        self.seconds = seconds
    }


    public let profiles: [Profile]
    public let results: [CaseResult]
    public let targetName: String
    public let targetLabels: [String: String]
    public let started: Date
    public let seconds: Double

    public var failed: Bool { results.contains { $0.verdict.isFailure } }
}
