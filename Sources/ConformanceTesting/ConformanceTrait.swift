import ConformanceEngine
import ConformanceModel
import Foundation
import Testing

/// Put on the outermost conformance `@Suite`: starts the run (the embedded reference server, or the target of
/// `CONFORMANCE_CONFIG`) once for the whole suite, in a `SuiteScope`, stops it afterwards, and writes the reports: JUnit
/// (`reports/junit.xml`, or `CONFORMANCE_JUNIT`) with one testcase per case, including the cases left out, and beside
/// it the results file and the HTML page (`CONFORMANCE_HTML` moves it); Markdown to `$GITHUB_STEP_SUMMARY` when set;
/// every exchange as HAR when `CONFORMANCE_RECORD` names a file.
///
/// ```swift
/// @Suite(.conformance) struct MyServerConformance {
///     @Test(arguments: ConformancePlan.current().arguments(api: "codecatalyst"))
///     func codecatalyst(_ item: ConformanceCase) async throws { try await item.check() }
/// }
/// ```
public struct ConformanceTrait: SuiteTrait, TestScoping {
    public let configFile: String?

    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let plan = ConformancePlan.current(configFile: configFile)
        if let problem = plan.problem {
            Issue.record(Comment(rawValue: "conformance: \(problem)"))
            return
        }
        let scope = try await SuiteScope(plan: plan)
        let environment = ProcessInfo.processInfo.environment
        let files = ReportFiles(
            junit: URL(fileURLWithPath: environment["CONFORMANCE_JUNIT"] ?? "reports/junit.xml"),
            html: environment["CONFORMANCE_HTML"].map { URL(fileURLWithPath: $0) })
        do {
            try await SuiteScope.$current.withValue(scope) { try await function() }
        } catch {
            try await Self.finish(scope, files: files)
            throw error
        }
        try await Self.finish(scope, files: files)
    }

    /// Writes the reports and prints the summary; planned cases no test asked for are named, as a warning.
    private static func finish(_ scope: SuiteScope, files: ReportFiles) async throws {
        let (summary, notRun) = try await scope.finish(files: files)
        print(summary)
        if !notRun.isEmpty {
            let shown = notRun.prefix(8).joined(separator: ", ") + (notRun.count > 8 ? ", …" : "")
            let text =
                "conformance: \(notRun.count) planned cases were not run, since no test asked for them (a --filter, or a family no @Test covers); they are in the reports as skipped: \(shown)"
            print(text)
            Issue.record(Comment(rawValue: text), severity: .warning)
        }
    }
}

extension Trait where Self == ConformanceTrait {
    /// The run of `CONFORMANCE_CONFIG`, or the embedded reference server when it is unset.
    public static var conformance: Self { ConformanceTrait(configFile: nil) }

    /// The session for the target config at `configFile`.
    public static func conformance(configFile: String) -> Self { ConformanceTrait(configFile: configFile) }
}
