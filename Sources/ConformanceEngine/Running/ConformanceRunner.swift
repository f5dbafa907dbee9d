import ConformanceModel
import Foundation
import Synchronization

/// Runs cases against prepared targets and builds the report, inside a `ConformanceRun`: the one runner behind
/// `conformance run` (which schedules all cases with `run(_:onResult:)`) and the Swift Testing suite (which hands over
/// one case at a time). One HTTP client, session cache and schema store serve every case.
final class ConformanceRunner: Sendable {
    private let profiles: [Profile]
    let targets: TargetSet
    private let settings: RunSettings
    private let driver: any Driver
    private let sessions = SessionCache()
    /// One per API with a profile and a target.
    private let runners: [String: CaseRunner]
    /// What stops the run early (`--max-requests`, `--max-failures`), if anything does.
    private let budget: RunBudget?
    private let started = Date()
    private let clock = ContinuousClock.now

    /// Every exchange, when the run is recorded (`--record`).
    private let recording: Recording?
    /// The recording answering instead of the network, when a recorded run is judged again.
    private let replay: ReplayDriver?

    /// A run over the network, recorded into `recording` when one is given.
    convenience init(
        profiles: [Profile], targets: TargetSet, settings: RunSettings, recording: Recording? = nil
    ) {
        let network = HTTPDriver(timeout: settings.timeout, maxBodyBytes: settings.maxBodyBytes)
        self.init(
            profiles: profiles, targets: targets, settings: settings,
            driver: recording.map { RecordingDriver(base: network, recording: $0) } ?? network,
            recording: recording, replay: nil)
    }

    /// A recorded run judged again: `replay` answers every request.
    convenience init(profiles: [Profile], targets: TargetSet, settings: RunSettings, replay: ReplayDriver) {
        self.init(
            profiles: profiles, targets: targets, settings: settings, driver: replay, recording: nil, replay: replay)
    }

    private init(
        profiles: [Profile], targets: TargetSet, settings: RunSettings, driver: any Driver,
        recording: Recording?, replay: ReplayDriver?
    ) {
        self.profiles = profiles
        self.targets = targets
        self.settings = settings
        self.recording = recording
        self.replay = replay
        let schemas = SchemaStore()
        let byAPI = Dictionary(profiles.map { ($0.api, $0) }, uniquingKeysWith: { first, _ in first })
        let budget =
            settings.maxRequests == nil && settings.maxFailures == nil
            ? nil : RunBudget(maxRequests: settings.maxRequests, maxFailures: settings.maxFailures)
        self.budget = budget
        runners = byAPI.compactMapValues { [sessions] profile in
            targets.resolved[profile.api].map {
                CaseRunner(
                    profile: profile, target: $0, driver: driver, schemas: schemas, sessions: sessions,
                    strict: settings.strict, limiter: (settings.rate ?? $0.rateLimit).map(RateLimiter.init),
                    budget: budget)
            }
        }
        self.driver = driver
    }

    /// The runners in the order of the profiles, for work done per API (the dry run's probes).
    var runnersByAPI: [(String, CaseRunner)] {
        profiles.compactMap { profile in runners[profile.api].map { (profile.api, $0) } }
    }

    /// Closes the HTTP client when the runner is done without a report (a dry run).
    func close() async { await driver.shutdown() }

    /// One case.
    func run(_ item: DerivedCase) async -> CaseResult {
        guard let runner = runners[item.api] else {
            let reason =
                targets.unconfigured[item.api]
                ?? (profiles.contains { $0.api == item.api }
                    ? "no target for \(item.api)" : "no profile for \(item.api)")
            return .skipped(item, reason)
        }
        let first = await attempt(item, runner)
        var result = first
        var attempts: [CaseResult.FlakyAttempt] = []
        while result.verdict.isFailure, attempts.count < settings.retryFailed {
            attempts.append(
                .init(
                    message: result.verdict.findings.first?.line ?? result.explanation, explanation: result.explanation)
            )
            // A stopped run keeps the failure it has rather than starting another attempt.
            do { try await driver.pause(for: runner.target.pacing.pollInterval) } catch { break }
            result = await attempt(item, runner)
        }
        guard !attempts.isEmpty, !result.verdict.isFailure else { return result }
        // Failed, then passed: flaky. Under --strict that is the first attempt's failure.
        var flaky = settings.strict ? first : result
        flaky.flakyAttempts = attempts
        return flaky
    }

    /// One attempt at `item`, its exchanges named for it. A replayed case whose requests are no longer the recorded
    /// ones is not judged: it needs a live run.
    private func attempt(_ item: DerivedCase, _ runner: CaseRunner) async -> CaseResult {
        let result = await ExchangeOrigin.$current.withValue(ExchangeOrigin(caseID: item.id, isLogon: false)) {
            await runner.run(item)
        }
        if let reason = replay?.unreplayable(item.id) {
            return .skipped(item, "\(ReplayDriver.needsLiveRun) \(reason)")
        }
        if let budget, budget.refused(item.id), let reason = budget.exhausted {
            return .skipped(item, reason)
        }
        return result
    }

    /// Every case, `settings.concurrency` at a time; results in the order of `cases`. `onResult` is called as each
    /// case finishes (progress output), from whichever worker ran it.
    ///
    /// A fixed set of workers takes the next case as each finishes: a child task per case, with the parent woken to
    /// start the next, cost two more scheduler jobs per case than the case's own exchange.
    func run(_ cases: [DerivedCase], onResult: (@Sendable (CaseResult) -> Void)? = nil) async -> [CaseResult] {
        let queue = CaseQueue(count: cases.count)
        var results = [CaseResult?](repeating: nil, count: cases.count)
        await withTaskGroup(of: [(Int, CaseResult)].self) { group in
            for _ in 0..<min(settings.concurrency, cases.count) {
                group.addTask {
                    var finished: [(Int, CaseResult)] = []
                    while let index = queue.next() {
                        let result: CaseResult
                        if let reason = self.budget?.exhausted {
                            // Stopped early: the cases not started are in the report, saying why.
                            result = .skipped(cases[index], reason)
                        } else {
                            result = await self.run(cases[index])
                            if result.verdict.isFailure { self.budget?.failed() }
                        }
                        onResult?(result)
                        finished.append((index, result))
                    }
                    return finished
                }
            }
            for await finished in group {
                for (index, result) in finished { results[index] = result }
            }
        }
        return results.compactMap { $0 }
    }

    /// The run's exchanges as HAR, with every secret masked as the reports mask it, and what a replay needs to build
    /// the requests of `cases` again; nil when the run was not recorded.
    func har(cases: [String]) -> HAR? {
        guard let recording else { return nil }
        let redactor = redactor
        let run = RecordedRun(
            targetName: targets.name, strict: settings.strict, retryFailed: settings.retryFailed,
            profiles: profiles.versions, cases: cases,
            targets: profiles.compactMap { targets.resolved[$0.api].map(RecordedRun.RecordedTarget.init) })
        return HAR(
            log: HAR.Log(
                creator: HAR.Creator(name: "AsyncStatusConformance", version: RecordedRun.formatName),
                entries: recording.all.map { HAR.Entry($0.exchange, origin: $0.origin, redactor: redactor) },
                run: run))
    }

    /// Every secret the run holds, the session cookies it was issued included: what reports and recordings mask.
    private var redactor: Redactor { Redactor(secrets: targets.secrets + sessions.all) }

    /// Ends the run and builds its report: closes the HTTP client, masks in every result the session cookies issued
    /// during the run, and adds the cases left out before the run (skipped, with the reason), all in `order`.
    func report(_ results: [CaseResult], leftOut: [(DerivedCase, String)] = [], order: [String]) async
        -> RunReport
    {
        await driver.shutdown()
        // Secrets are searched for once, here, in every transcript and curl: the cookies are only known now, and a
        // case's own rendering masked only the credential headers.
        let redactor = redactor
        let ran = results.map { $0.redacted(by: redactor) }
        let skipped = leftOut.map { CaseResult.skipped($0.0, $0.1) }
        let all = CaseOrder(order).sorted(ran + skipped) { $0.testCase.id }
        return RunReport(
            profiles: profiles, results: all, leftOut: leftOut.map { ($0.0.id, $0.1) }, targetName: targets.name,
            targetLabels: targets.resolved.mapValues(\.label), started: started,
            seconds: (ContinuousClock.now - clock).inSeconds)
    }
}

/// The index of the next case to start, shared by the workers.
private final class CaseQueue: Sendable {
    private let count: Int
    private let taken = Mutex(0)

    init(count: Int) { self.count = count }

    func next() -> Int? {
        taken.withLock { taken in
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
}
