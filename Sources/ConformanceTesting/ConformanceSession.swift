import ConformanceEngine
import ConformanceModel
import Foundation

/// The targets and results of one suite run. The `.conformance` trait creates it around the suite, so the embedded
/// server starts once and stops at the end, and the project's JUnit report is written when the suite ends.
final class ConformanceSession: Sendable {
    @TaskLocal static var current: ConformanceSession?

    let plan: ConformancePlan
    private let targets: PreparedTargets
    private let runner: ConformanceRunner
    private let results = ResultStore()

    init(plan: ConformancePlan) async throws {
        self.plan = plan
        targets = try await PreparedTargets.prepare(
            config: plan.config, file: plan.configFile ?? "target config", profiles: plan.profiles,
            embedded: EmbeddedDefault.targets)
        let strict = ProcessInfo.processInfo.environment["CONFORMANCE_STRICT"] == "1"
        runner = ConformanceRunner(
            profiles: plan.profiles, targets: targets, settings: RunSettings(config: plan.config, strict: strict))
    }

    func run(_ item: DerivedCase) async -> CaseResult {
        let result = await runner.run(item)
        await results.add(result)
        return result
    }

    /// Stops the targets this session started and writes the reports; returns the summary text.
    func finish(files: ReportFiles) async throws -> String {
        let report = await runner.report(await results.all, leftOut: plan.leftOut, order: plan.order)
        await targets.shutdown()
        try files.write(report, shard: plan.shard)
        return report.summaryText
            + "\nReports: \(files.junit.path) (JUnit, one testcase per case), \(files.html.path) (page)"
    }
}

private actor ResultStore {
    private var results: [CaseResult] = []
    func add(_ result: CaseResult) { results.append(result) }
    var all: [CaseResult] { results }
}
