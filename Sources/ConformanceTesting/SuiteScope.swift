import ConformanceEngine
import ConformanceModel
import Foundation

/// The targets and results of one suite run. The `.conformance` trait creates it around the suite, so the embedded
/// server starts once and stops at the end, and the project's JUnit report is written when the suite ends.
final class SuiteScope: Sendable {
    @TaskLocal static var current: SuiteScope?

    let plan: ConformancePlan
    private let conformanceRun: ConformanceRun
    private let results = ResultStore()
    /// Where the run's exchanges are written as HAR (`CONFORMANCE_RECORD`), if anywhere.
    private let recordingFile: URL?

    init(plan: ConformancePlan) async throws {
        self.plan = plan
        let environment = ProcessInfo.processInfo.environment
        let strict = environment["CONFORMANCE_STRICT"] == "1"
        recordingFile = environment["CONFORMANCE_RECORD"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        conformanceRun = try await ConformanceRun.start(
            config: plan.config, file: plan.configFile ?? "target config", profiles: plan.profiles,
            embedded: EmbeddedDefault.targets, settings: RunSettings(config: plan.config, strict: strict),
            recording: recordingFile == nil ? nil : Recording())
    }

    func run(_ item: DerivedCase) async -> CaseResult {
        let result = await conformanceRun.run(item)
        await results.add(result)
        return result
    }

    /// Stops the targets this run started and writes the reports; returns the summary text and the planned cases
    /// no test asked for. Those are in every report too, skipped with the reason: a case never vanishes.
    func finish(files: ReportFiles) async throws -> (summary: String, notRun: [String]) {
        let ran = await results.all
        let ranIds = Set(ran.map(\.testCase.id))
        let notRun = plan.cases.filter { !ranIds.contains($0.id) }
        let leftOut = plan.leftOut + notRun.map { ($0, Self.notRunReason) }
        let report = await conformanceRun.finish(ran, leftOut: leftOut, order: plan.order)
        try files.write(report, shard: plan.shard)
        var summary =
            report.summaryText
            + "\nReports: \(files.junit.path) (JUnit, one testcase per case), \(files.html.path) (page)"
        if let recordingFile, let har = conformanceRun.har(cases: ran.map(\.testCase.id)) {
            try har.write(to: recordingFile)
            summary += "\nRecording: \(recordingFile.path) (HAR; `conformance rejudge` judges it again)"
        }
        return (summary, notRun.map(\.id))
    }

    static let notRunReason =
        "planned but not run: no test asked for it (a --filter, or a family no @Test of the suite covers)"
}

private actor ResultStore {
    private var results: [CaseResult] = []
    func add(_ result: CaseResult) { results.append(result) }
    var all: [CaseResult] { results }
}
