import ConformanceModel

/// Several runs side by side (`conformance report RUN… --html matrix.html`): cases × targets, grouped by the rule
/// each case checks first, rows where the targets disagree first — the differential view of a mock against the live
/// service, or moto against the embedded server. Targets disagree on a case when the runs that ran it came to
/// different verdicts; a case only some targets ran (skipped on the others) is listed apart.
package enum MatrixPage {
    package struct Column: Sendable {
        package var label: String
        package var report: RunReport

        package init(label: String, report: RunReport) {
            self.label = label
            self.report = report
        }
    }

    /// How the targets compare on one case.
    enum Agreement: String, CaseIterable {
        case disagree, agree, partial

        var heading: String {
            switch self {
            case .disagree: return "Where the targets disagree"
            case .agree: return "Where they agree"
            case .partial: return "Run on fewer than two targets"
            }
        }
    }

    package static func html(_ columns: [Column], order: [DerivedCase]) -> String {
        let verdicts = columns.map { column in
            Dictionary(column.report.results.map { ($0.testCase.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let present = order.filter { item in verdicts.contains { $0[item.id] != nil } }
        var groups: [Agreement: [DerivedCase]] = [:]
        for item in present {
            groups[agreement(verdicts.map { $0[item.id]?.verdict }), default: []].append(item)
        }
        let apis = Array(Set(present.map(\.api))).sorted()
        let rowFilter = HTMLPage.filters(
            legend: "rows", attribute: "agreement", values: Agreement.allCases.map { ($0.rawValue, $0.heading) })
        let apiFilter = HTMLPage.filters(legend: "APIs", attribute: "api", values: apis.map { ($0, $0) })
        var body = "<header><h1>Conformance matrix: \(columns.count) runs</h1></header>\n"
        body += "<table id=\"runs\"><tr><th>run</th><th>target</th>\(HTMLPage.countHeadings)</tr>"
        for column in columns {
            body += "<tr><td>\(HTMLPage.text(column.label))</td><td>\(HTMLPage.text(column.report.targetName))</td>"
            body += HTMLPage.countCells(column.report.results) + "</tr>"
        }
        body += "</table>\n<nav>\(rowFilter.html)\(apiFilter.html)</nav>\n"
        for agreement in Agreement.allCases {
            let items = groups[agreement] ?? []
            body += "<section data-agreement=\"\(agreement.rawValue)\"><h2 id=\"\(agreement.rawValue)\">"
            body += "\(agreement.heading) (\(items.count))</h2>\n"
            guard !items.isEmpty else {
                body += "</section>\n"
                continue
            }
            body += "<table class=\"matrix\"><tr><th>case</th>"
            body += columns.map { "<th>\(HTMLPage.text($0.label))</th>" }.joined() + "</tr>\n"
            var rule: String?
            for item in items.enumerated().sorted(by: {
                (ruleOf($0.element), $0.offset) < (ruleOf($1.element), $1.offset)
            })
            .map(\.element) {
                if ruleOf(item) != rule {
                    rule = ruleOf(item)
                    body +=
                        "<tr class=\"rule\" data-api=\"\(HTMLPage.text(item.api))\"><th colspan=\"\(columns.count + 1)\">"
                    body += "<code>\(HTMLPage.text(ruleOf(item)))</code></th></tr>\n"
                }
                body +=
                    "<tr class=\"case\" data-api=\"\(HTMLPage.text(item.api))\" data-case=\"\(HTMLPage.text(item.id))\">"
                body +=
                    "<td><code>\(HTMLPage.text(item.id))</code><br><span class=\"muted\">\(HTMLPage.text(item.summary))</span></td>"
                for column in verdicts.indices {
                    guard let result = verdicts[column][item.id] else {
                        body += "<td class=\"muted\">not in this run</td>"
                        continue
                    }
                    body += "<td data-verdict-cell=\"\(result.verdict.token)\">\(result.verdict.badge)"
                    for finding in result.verdict.findings.prefix(3) {
                        body += "<br><span class=\"muted\">\(HTMLPage.text(finding.rule)): expected "
                        body += "\(HTMLPage.text(finding.expected)); got \(HTMLPage.text(finding.actual))</span>"
                    }
                    if case .error(let reason) = result.verdict {
                        body += "<br><span class=\"muted\">\(HTMLPage.text(reason))</span>"
                    }
                    body += "</td>"
                }
                body += "</tr>\n"
            }
            body += "</table></section>\n"
        }
        return HTMLPage.document(
            title: "Conformance matrix",
            css: HTMLPage.baseCSS + "\ntr.rule th{background:#fafafa}\n" + rowFilter.css + apiFilter.css,
            body: body)
    }

    /// Skipped cases were not run there; divergences listed and observed count as what they are (KNOWN), so a
    /// mock's known divergences show as disagreement with a target that passes.
    static func agreement(_ verdicts: [Verdict?]) -> Agreement {
        let ran = verdicts.compactMap { $0 }.filter { if case .skip = $0 { return false } else { return true } }
        guard ran.count >= 2 else { return .partial }
        let tokens = Set(ran.map { $0.token == "stale" ? "pass" : $0.token })
        return tokens.count == 1 ? .agree : .disagree
    }

    private static func ruleOf(_ item: DerivedCase) -> String { item.covers.first ?? item.id }
}
