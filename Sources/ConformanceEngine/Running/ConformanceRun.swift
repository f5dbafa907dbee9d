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
    /// Warnings fail their case: `--strict`, `"strict": true` in the config, `CONFORMANCE_STRICT=1`.
    public var strict: Bool
    /// Called as each case finishes (progress output).
    public var onResult: (@Sendable (CaseResult) -> Void)?

    public init(profiles: [Profile], targets: PreparedTargets, config: TargetConfig? = nil, concurrency: Int = 4) {
        self.profiles = profiles
        self.targets = targets
        self.concurrency = max(1, concurrency)
        timeout = config?.timeoutSeconds ?? 10
        maxBodyBytes = config?.maxBodyBytes ?? 1 << 20
        strict = config?.strict ?? false
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
