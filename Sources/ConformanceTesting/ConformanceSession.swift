import ConformanceEngine
import ConformanceModel
import Foundation

/// The targets and results of one suite run. The `.conformance` trait creates it around the suite, so the embedded
/// server starts once and stops at the end, and the project's JUnit report is written when the suite ends.
public final class ConformanceSession: Sendable {
    @TaskLocal public static var current: ConformanceSession?

    public let plan: ConformancePlan
    private let targets: PreparedTargets
    private let executor: CaseExecutor
    private let results = ResultStore()
    private let started = Date()

    init(plan: ConformancePlan) async throws {
        self.plan = plan
        targets = try await PreparedTargets.prepare(config: plan.config, file: plan.configFile ?? "target config", profiles: plan.profiles)
        var run = ConformanceRun(profiles: plan.profiles, targets: targets, config: plan.config)
        run.strict = run.strict || ProcessInfo.processInfo.environment["CONFORMANCE_STRICT"] == "1"
        executor = CaseExecutor(run: run)
    }

    func run(_ item: DerivedCase) async -> CaseResult {
        let result = await executor.run(item)
        await results.add(result)
        return result
    }

    /// Stops the targets this session started and writes the report; returns the summary text.
    func finish(junit: URL) async throws -> String {
        let ran = await executor.finish(await results.all)
        await targets.shutdown()
        let skipped = plan.leftOut.map { CaseResult(testCase: $0.0, verdict: .skip($0.1), transcript: "", curl: nil, seconds: 0, reachedOperation: false) }
        let order = Dictionary(uniqueKeysWithValues: plan.order.enumerated().map { ($1, $0) })
        let all = (ran + skipped).sorted { (order[$0.testCase.id] ?? 0) < (order[$1.testCase.id] ?? 0) }
        let report = RunReport(profiles: plan.profiles, results: all, targetName: targets.name,
                               targetLabels: targets.targets.mapValues(\.label), started: started,
                               seconds: Date().timeIntervalSince(started))
        var text = ""
        if !plan.leftOut.isEmpty {
            let reasons = Dictionary(grouping: plan.leftOut, by: \.1).sorted { $0.key < $1.key }
            text += "\nLeft out (do not apply to this target), \(plan.leftOut.count) cases:"
            for (reason, cases) in reasons {
                text += "\n  \(cases.count) × \(reason): \(cases.prefix(4).map(\.0.id).joined(separator: ", "))\(cases.count > 4 ? ", …" : "")"
            }
        }
        try JUnitWriter.write(report, to: junit, summaryExtra: text)
        return report.summaryText + text + "\nJUnit report (one testcase per case): \(junit.path)"
    }
}

private actor ResultStore {
    private var results: [CaseResult] = []
    func add(_ result: CaseResult) { results.append(result) }
    var all: [CaseResult] { results }
}
