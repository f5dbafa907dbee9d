import ConformanceModel
import Foundation

/// One run from start to end: the targets it prepared (and the embedded server it started, if it did) and the runner
/// over them. The CLI, the Swift Testing trait, the end-to-end tests and the benchmark all run through one and differ
/// only in how they show its results; `finish` — or `close`, for a run that builds no report — ends all it started.
///
/// ```swift
/// let run = try await ConformanceRun.start(
///     config: nil, profiles: profiles, embedded: provider, settings: RunSettings(config: nil))
/// let report = await run.finish(await run.run(cases), order: cases.map(\.id))
/// ```
package final class ConformanceRun: Sendable {
    package let targets: TargetSet
    let runner: ConformanceRunner

    private init(targets: TargetSet, runner: ConformanceRunner) {
        self.targets = targets
        self.runner = runner
    }

    /// Prepares the targets of `config` (`nil`: the embedded reference server for every API) and a runner over them,
    /// recording every exchange into `recording` when one is given.
    package static func start(
        config: TargetConfig?, file: String = "target config", profiles: [Profile],
        embedded: (any EmbeddedServerLauncher)?,
        settings: RunSettings, recording: Recording? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> ConformanceRun {
        let targets = try await TargetSet.prepare(
            config: config, file: file, profiles: profiles, embedded: embedded, environment: environment)
        return ConformanceRun(
            targets: targets,
            runner: ConformanceRunner(profiles: profiles, targets: targets, settings: settings, recording: recording))
    }

    /// A recorded run judged again with `profiles`, sending nothing (`ConformanceRunner.rejudging`).
    package static func rejudging(_ har: HAR, profiles: [Profile], strict: Bool = false) -> ConformanceRun {
        let runner = ConformanceRunner.rejudging(har, profiles: profiles, strict: strict)
        return ConformanceRun(targets: runner.targets, runner: runner)
    }

    /// One case.
    package func run(_ item: DerivedCase) async -> CaseResult { await runner.run(item) }

    /// Every case, `settings.concurrency` at a time; `onResult` as each finishes.
    package func run(_ cases: [DerivedCase], onResult: (@Sendable (CaseResult) -> Void)? = nil) async -> [CaseResult] {
        await runner.run(cases, onResult: onResult)
    }

    /// Before spending: what stands in the way of each API's run (`run --dry-run`).
    package func preflight(_ cases: [DerivedCase]) async -> [PreflightFinding] { await runner.preflight(cases) }

    /// The run's exchanges as HAR, when it was recorded (`ConformanceRunner.har(cases:)`).
    package func har(cases: [String]) -> HAR? { runner.har(cases: cases) }

    /// Ends the run: its report, with the cases left out before it (skipped, saying why), in `order`; the HTTP client
    /// closed and the embedded server stopped.
    package func finish(_ results: [CaseResult], leftOut: [(DerivedCase, String)] = [], order: [String]) async
        -> RunReport
    {
        let report = await runner.report(results, leftOut: leftOut, order: order)
        await targets.shutdown()
        return report
    }

    /// Ends a run that builds no report (a dry run, a probe).
    package func close() async {
        await runner.close()
        await targets.shutdown()
    }
}
