import ConformanceModel
import Crypto
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

/// The HTML page and the Markdown summary keep target text as text; the browser test (`Tests/Browser`) shows the
/// same in Chromium.
@Suite("HTML page and Markdown summary")
struct ReportPageTests {
    static let markup = "<script>document.title='pwned'</script>\"><img src=x onerror=\"alert(1)\">"

    /// The hostile JUnit report with markup in a finding, a reason and the exchange.
    static func report() -> RunReport {
        let base = JUnitReportTests.hostileReport()
        let item = base.results[0].testCase
        let finding = Finding(rule: "codecatalyst.error.409", kind: .errorCode, expected: "x", actual: markup)
        let results =
            base.results + [
                CaseResult(
                    testCase: item, verdict: .fail([finding]),
                    transcript: "< x-note: \(markup)\n< {\"message\":\"\(markup)\"}",
                    curl: "curl '\(markup)'", seconds: 0, reachedOperation: true)
            ]
        return RunReport(
            profiles: base.profiles, results: results, targetName: "mock \(markup)", targetLabels: base.targetLabels,
            started: base.started, seconds: base.seconds)
    }

    @Test("markup from the target never becomes markup in the page, and the policy allows only the page's own style")
    func pageEscapes() throws {
        let page = RunPage.html(Self.report())
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains(" onerror=\""))
        #expect(page.contains("&lt;script&gt;document.title=&apos;pwned&apos;&lt;/script&gt;"))
        let style = try #require(page.range(of: "<style>")).upperBound
        let end = try #require(page.range(of: "</style>", range: style..<page.endIndex)).lowerBound
        let hash = Data(SHA256.hash(data: Data(page[style..<end].utf8))).base64EncodedString()
        #expect(page.contains("default-src 'none'; style-src 'sha256-\(hash)';"))
        #expect(!page.contains("http://") || !page.contains("src=\"http"), "no external resource")
    }

    @Test("the page counts every verdict and puts failures before passes")
    func pageCounts() {
        let page = RunPage.html(Self.report())
        #expect(page.contains("<td class=\"n\" data-count=\"cases\">7</td>"))
        #expect(page.contains("<td class=\"n\" data-count=\"fail\">2</td>"))
        let firstFail = page.range(of: "data-verdict=\"fail\" data-api")!.lowerBound
        let firstPass = page.range(of: "data-verdict=\"pass\" data-api")!.lowerBound
        #expect(firstFail < firstPass)
    }

    @Test("Markdown: one line per failure, markup and table syntax escaped")
    func markdown() {
        let text = MarkdownSummary.text(Self.report())
        #expect(text.contains("| codecatalyst | http://127.0.0.1:1 |"))
        #expect(text.contains("#### Failures (3)"))
        #expect(!text.contains("<script") && !text.contains("<img"))
        let failureLines = text.split(separator: "\n").filter { $0.hasPrefix("- `") }
        #expect(failureLines.count == 3)
        #expect(failureLines.allSatisfy { $0.count < 700 })
    }

    @Test("$GITHUB_STEP_SUMMARY gets the Markdown appended, after what other steps wrote")
    func stepSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("step-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let step = folder.appendingPathComponent("step-summary.md")
        try Data("earlier step\n".utf8).write(to: step)
        let files = ReportFiles(junit: folder.appendingPathComponent("junit.xml"))
        try files.write(Self.report(), environment: ["GITHUB_STEP_SUMMARY": step.path])
        let text = try String(contentsOf: step, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n") && text.contains("### Conformance against mock"))
    }

    @Test("the results file reads back as the report it was written from")
    func resultsRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = Self.report()
        let files = ReportFiles(junit: folder.appendingPathComponent("junit-mock.xml"))
        try files.write(report, environment: [:])
        #expect(
            files.results.lastPathComponent == "results-mock.json"
                && files.html.lastPathComponent == "conformance-mock.html")
        let read = try ResultsFile.read(files.junit, profiles: Fixtures.profiles).report(profiles: Fixtures.profiles)
        #expect(read.results.map(\.testCase) == report.results.map(\.testCase))
        #expect(read.results.map(\.verdict) == report.results.map(\.verdict))
        #expect(JUnitWriter.xml(read) == JUnitWriter.xml(report))
    }
}
