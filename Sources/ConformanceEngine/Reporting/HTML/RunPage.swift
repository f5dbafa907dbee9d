import ConformanceModel
import Foundation

/// One run as a page a person reads (`reports/conformance.html`): the counts and whether the run reached the
/// operations at the top, then per API the cases needing attention (failures, errors, warnings) with expected and
/// actual, the redacted exchange and a curl; the rules with the cases that cover them; the other cases. Filters by
/// verdict and API.
package enum RunPage {
    package static func html(_ report: RunReport) -> String {
        let summaries = report.summaries
        let verdictFilter = HTMLPage.filters(legend: "verdicts", attribute: "verdict", values: Verdict.tokens)
        let apiFilter = HTMLPage.filters(
            legend: "APIs", attribute: "api", values: summaries.map { ($0.api, $0.api) })
        var body = "<header><h1>Conformance against \(HTMLPage.text(report.targetName))</h1>"
        body += "<p class=\"muted\">\(report.results.count) cases, started \(timestamp(report.started)), "
        body += "\(Numbers.seconds(report.seconds)) s</p></header>\n"
        body += counts(report.results)
        let flaky = report.results.filter { $0.isFlaky && !$0.verdict.isFailure }
        if !flaky.isEmpty {
            body += "<p class=\"warning\" id=\"flaky\">\(flaky.count) flaky (failed, then passed when run again): "
            body +=
                flaky.map { "<a href=\"#\(HTMLPage.anchor($0.testCase.id))\">\(HTMLPage.text($0.testCase.id))</a>" }
                .joined(separator: ", ") + "</p>\n"
        }
        body += reach(summaries)
        body += "<nav>\(verdictFilter.html)\(apiFilter.html)</nav>\n"
        for summary in summaries {
            guard let profile = report.profiles.first(where: { $0.api == summary.api }) else { continue }
            body += section(
                profile, summary: summary, results: report.results.filter { $0.testCase.api == profile.api })
        }
        return HTMLPage.document(
            title: "Conformance: \(report.targetName)",
            css: HTMLPage.baseCSS + "\n" + verdictFilter.css + apiFilter.css,
            body: body)
    }

    /// The run's totals.
    static func counts(_ results: [CaseResult]) -> String {
        "<table id=\"counts\"><tr>\(HTMLPage.countHeadings)</tr><tr>\(HTMLPage.countCells(results))</tr></table>\n"
    }

    /// The anti-vacuity figures: a green run that never reached the operation proves nothing.
    private static func reach(_ summaries: [APISummary]) -> String {
        var html = "<h2>Did the run reach the operations?</h2><table id=\"reach\"><tr><th>API</th><th>target</th>"
        html += "<th>rules exercised</th><th>error mappings observed</th><th>answers not from the operation</th></tr>"
        for summary in summaries {
            html += "<tr data-api=\"\(summary.api)\"><td>\(summary.api)</td><td>\(HTMLPage.text(summary.target))</td>"
            html += "<td class=\"n\">\(summary.rulesExercised)/\(summary.rules)</td>"
            html += "<td class=\"n\">\(summary.errorsObserved)/\(summary.errorMappings)</td>"
            html += "<td class=\"n\">\(summary.refused)/\(summary.run)</td></tr>"
        }
        html += "</table>"
        for caution in summaries.compactMap(\.caution) {
            html += "<p class=\"warning\">\(HTMLPage.text(caution))</p>"
        }
        return html + "\n"
    }

    private static func section(_ profile: Profile, summary: APISummary, results: [CaseResult]) -> String {
        var html = "<section data-api=\"\(profile.api)\" id=\"api-\(profile.api)\">"
        html += "<h2>\(profile.api) — \(HTMLPage.text(profile.title)) <span class=\"muted\">against "
        html += "\(HTMLPage.text(summary.target))</span></h2>\n"
        let reasons = Set(
            results.compactMap { result -> String? in
                if case .skip(let reason) = result.verdict { return reason } else { return nil }
            })
        if reasons.count == 1, results.allSatisfy({ $0.verdict.token == "skip" }), let reason = reasons.first {
            // Nothing ran: one line, not a table of skips.
            return html
                + "<p data-verdict=\"skip\">Not run: \(HTMLPage.text(reason)) (\(results.count) cases).</p></section>\n"
        }
        let ordered = results.enumerated().sorted {
            ($0.element.verdict.urgency, $0.offset) < ($1.element.verdict.urgency, $1.offset)
        }.map(\.element)
        let attention = ordered.filter { $0.verdict.urgency <= 4 }
        if !attention.isEmpty {
            html += "<h3>Needing attention (\(attention.count))</h3>\n"
            html += attention.map { entry($0, open: $0.verdict.isFailure || !$0.verdict.warnings.isEmpty) }.joined()
        }
        html += rules(profile, results: results)
        let others = ordered.filter { $0.verdict.urgency > 4 }
        if !others.isEmpty {
            html += "<h3>Other cases (\(others.count))</h3>\n" + others.map { entry($0, open: false) }.joined()
        }
        return html + "</section>\n"
    }

    /// Every rule of the profile with the cases that cover it and their verdicts; rules with a failing case first.
    private static func rules(_ profile: Profile, results: [CaseResult]) -> String {
        let coverage = Coverage(profile: profile, cases: results.map(\.testCase))
        let rows = coverage.rows.map { row -> (Coverage.Row, [CaseResult], Int) in
            let covering = results.filter { $0.testCase.covers.contains(row.id) }
            return (row, covering, covering.map(\.verdict.urgency).min() ?? 7)
        }.enumerated().sorted { ($0.element.2, $0.offset) < ($1.element.2, $1.offset) }.map(\.element)
        var html = "<h3>Rules (\(rows.count))</h3><table class=\"rules\"><tr><th>rule</th><th>level</th><th>kind</th>"
        html += "<th>source</th><th>cases</th></tr>\n"
        for (row, covering, _) in rows {
            let worst = covering.min { $0.verdict.urgency < $1.verdict.urgency }?.verdict.token ?? "skip"
            html += "<tr data-verdict=\"\(worst)\"><td><code>\(HTMLPage.text(row.id))</code></td>"
            html +=
                "<td>\(HTMLPage.text(row.levelText))</td><td>\(HTMLPage.text(row.kind))</td><td>\(HTMLPage.text(row.source))</td><td>"
            html +=
                covering.isEmpty
                ? "<span class=\"muted\">none run</span>"
                : covering.map {
                    "<a href=\"#\(HTMLPage.anchor($0.testCase.id))\">\($0.verdict.badge)</a>"
                }.joined(separator: " ")
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// One case: verdict, what it checks, each finding with expected and actual, the reason of an error or skip, the
    /// curl that replays it and the redacted exchange.
    static func entry(_ result: CaseResult, open: Bool) -> String {
        let item = result.testCase
        var html =
            "<details class=\"case\" id=\"\(HTMLPage.anchor(item.id))\" data-verdict=\"\(result.verdict.token)\" "
        html += "data-api=\"\(HTMLPage.text(item.api))\"\(open ? " open" : "")><summary>\(result.verdict.badge) "
        html += "<code>\(HTMLPage.text(item.id))</code> — \(HTMLPage.text(item.summary))</summary>\n"
        html +=
            "<p class=\"muted\">covers \(item.covers.map { "<code>\(HTMLPage.text($0))</code>" }.joined(separator: ", "))</p>\n"
        switch result.verdict {
        case .error(let reason): html += "<p>No answer to judge: \(HTMLPage.text(reason))</p>\n"
        case .skip(let reason): html += "<p>Not run: \(HTMLPage.text(reason))</p>\n"
        case .knownDivergence(let reason, _): html += "<p>Known divergence: \(HTMLPage.text(reason))</p>\n"
        case .divergenceNotObserved(let reason):
            html +=
                "<p>Listed as a known divergence (\(HTMLPage.text(reason))) but passed: remove it from the target config.</p>\n"
        default: break
        }
        let findings = result.verdict.findings
        if !findings.isEmpty {
            html +=
                "<table class=\"findings\"><tr><th>rule</th><th>level</th><th>expected</th><th>got</th><th>source</th></tr>"
            for finding in findings {
                html += "<tr><td><code>\(HTMLPage.text(finding.rule))</code> <span class=\"muted\">"
                html += "\(finding.kind.rawValue)</span></td><td>\(finding.level.rawValue)</td>"
                html += "<td>\(HTMLPage.text(finding.expected))</td><td>\(HTMLPage.text(finding.actual))</td>"
                html += "<td>\(HTMLPage.text(finding.source ?? ""))</td></tr>"
            }
            html += "</table>\n"
        }
        if let curl = result.curl { html += "<p>Reproduce:</p><pre class=\"curl\">\(HTMLPage.text(curl))</pre>\n" }
        if !result.transcript.isEmpty {
            html += "<p>Exchange:</p><pre class=\"exchange\">\(HTMLPage.text(result.transcript))</pre>\n"
        }
        return html + "</details>\n"
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
