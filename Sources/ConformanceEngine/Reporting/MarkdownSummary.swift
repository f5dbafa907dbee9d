import ConformanceModel
import Foundation

/// The run in Markdown for a CI job's page (`--markdown PATH`, `$GITHUB_STEP_SUMMARY`): the summary table, then each
/// failure and warning on one line (case id, rule, expected and actual). Target text is shown as text: markup
/// characters are escaped and lines are cut, so an answer cannot add a table row, a link or HTML to the page.
package enum MarkdownSummary {
    package static func text(_ report: RunReport) -> String {
        var lines = ["### Conformance against \(cell(report.targetName))", ""]
        lines.append(
            "| API | target | passed | warned | failed | errors | skipped | known | rules exercised | error mappings observed | answers not from the operation |"
        )
        lines.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for summary in report.summaries {
            lines.append(
                "| \(summary.api) | \(cell(summary.target)) | \(summary.passed) | \(summary.warned) | \(summary.failed) | "
                    + "\(summary.errors) | \(summary.skipped) | \(summary.known) | \(summary.rulesExercised)/\(summary.rules) | "
                    + "\(summary.errorsObserved)/\(summary.errorMappings) | \(summary.refused)/\(summary.run) |")
        }
        let failing = report.results.filter(\.verdict.isFailure)
        let warned = report.results.filter { !$0.verdict.warnings.isEmpty }
        lines.append("")
        lines.append(
            "\(report.results.count) cases: \(failing.count) failing, \(warned.count) with warnings, in "
                + "\(Numbers.seconds(report.seconds)) s")
        if !failing.isEmpty {
            lines += ["", "#### Failures (\(failing.count))"]
            lines += failing.map { item($0) }
        }
        let flaky = report.results.filter { $0.isFlaky && !$0.verdict.isFailure }
        if !flaky.isEmpty {
            lines += ["", "#### Flaky (\(flaky.count)): failed, then passed when run again"]
            lines += flaky.map { result in
                "- `\(result.testCase.id)` — " + result.flakyAttempts.map { cell($0.message) }.joined(separator: "; ")
            }
        }
        if !warned.isEmpty {
            lines += ["", "#### Warnings (\(warned.count))"]
            lines += warned.map { result in
                "- `\(result.testCase.id)` — " + result.verdict.warnings.map { finding($0) }.joined(separator: "; ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Appends to a file that may hold other steps' summaries already.
    package static func append(_ text: String, to url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) { try Data().write(to: url) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n" + text).utf8))
    }

    private static func item(_ result: CaseResult) -> String {
        let head = "- `\(result.testCase.id)` — "
        switch result.verdict {
        case .fail(let failures): return head + failures.map { finding($0) }.joined(separator: "; ")
        case .error(let reason): return head + "no answer to judge: " + cell(reason)
        default: return head + result.verdict.label
        }
    }

    private static func finding(_ failure: Finding) -> String {
        "\(cell(failure.rule)): expected \(cell(failure.expected)); got \(cell(failure.actual))"
    }

    /// Target text on one line, at most 160 characters, with Markdown's and HTML's markup characters escaped.
    package static func cell(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let cut = line.count > 160 ? String(line.prefix(160)) + "…" : line
        var out = ""
        for character in cut {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|", "`", "*", "_", "[", "]", "\\", "#", "!": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
