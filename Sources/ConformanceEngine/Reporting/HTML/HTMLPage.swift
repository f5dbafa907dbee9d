import ConformanceModel
import Crypto
import Foundation

/// The shell every report page shares: one self-contained file (no network, no scripts, no fonts), whose
/// Content-Security-Policy allows nothing but the page's own style sheet, by hash. No script can run in it, whatever
/// a target's answer holds; and every piece of target text is escaped on the way in (`text`).
enum HTMLPage {
    static func document(title: String, css: String, body: String) -> String {
        let hash = Data(SHA256.hash(data: Data(css.utf8))).base64EncodedString()
        let policy =
            "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(text(title))</title>
            <style>\(css)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// Text (target answers included) as inert HTML, in content and in quoted attributes alike.
    static func text(_ value: String) -> String { XMLText.escape(value) }

    /// A fragment link to a case's entry; ids are the suite's own, but are escaped all the same.
    static func anchor(_ id: String) -> String { "case-" + text(id).replacingOccurrences(of: " ", with: "%20") }

    /// Check boxes that show or hide everything marked `data-<attribute>="<value>"`, done in CSS (`:has`) so the
    /// page needs no script; and the style rules that do it.
    static func filters(legend: String, attribute: String, values: [(value: String, label: String)]) -> (
        html: String, css: String
    ) {
        var html = "<fieldset class=\"filter\"><legend>\(text(legend))</legend>"
        var css = ""
        for (value, label) in values {
            let id = "show-\(attribute)-\(value)"
            html += "<label><input type=\"checkbox\" id=\"\(id)\" checked> \(text(label))</label>"
            css += "body:has(#\(id):not(:checked)) [data-\(attribute)=\"\(value)\"]{display:none}\n"
        }
        return (html + "</fieldset>", css)
    }

    /// The heading cells of a row of totals: cases, then each verdict.
    static let countHeadings = "<th>cases</th>" + Verdict.tokens.map { "<th>\(text($0.label))</th>" }.joined()

    /// The totals of `results` under `countHeadings`, each cell marked with what it counts (`data-count`).
    static func countCells(_ results: [CaseResult]) -> String {
        var counted: [String: Int] = [:]
        for result in results { counted[result.verdict.token, default: 0] += 1 }
        return "<td class=\"n\" data-count=\"cases\">\(results.count)</td>"
            + Verdict.tokens.map { "<td class=\"n\" data-count=\"\($0.value)\">\(counted[$0.value] ?? 0)</td>" }
            .joined()
    }

    static let baseCSS = """
        body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fff}
        h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd}
        h3{font-size:1rem;margin:1.2rem 0 .4rem}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .45rem;text-align:left;vertical-align:top}
        th{background:#f5f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
        pre{background:#f5f5f7;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;max-height:30rem}
        fieldset.filter{display:inline-block;margin:.5rem 1rem .5rem 0;border:1px solid #ddd}
        fieldset.filter label{margin-right:.6rem;white-space:nowrap}
        details.case{border:1px solid #ddd;border-radius:4px;margin:.3rem 0;padding:.2rem .5rem}
        details.case>summary{cursor:pointer}
        .v{display:inline-block;min-width:3.2rem;text-align:center;border-radius:3px;padding:0 .3rem;font-weight:600;font-size:12px}
        .v-pass{background:#d7f5dd;color:#0b5d1e}.v-warn{background:#fff1c2;color:#7a5300}.v-fail{background:#ffd9d6;color:#8f1b10}
        .v-error{background:#f3c6ff;color:#5d0a73}.v-skip{background:#eee;color:#555}.v-known{background:#dde7ff;color:#1a3c8f}
        .v-stale{background:#e6f5d7;color:#3d5d0b}
        .warning{color:#8f1b10;font-weight:600}.muted{color:#666}
        """
}

extension Verdict {
    /// The verdict's name in the page's markup (`data-verdict`, the badge's class).
    var token: String {
        switch self {
        case .pass: return "pass"
        case .passWithWarnings: return "warn"
        case .fail: return "fail"
        case .error: return "error"
        case .skip: return "skip"
        case .knownDivergence: return "known"
        case .divergenceNotObserved: return "stale"
        }
    }

    /// Worst first: what a reader should look at before anything else.
    var urgency: Int {
        switch self {
        case .fail: return 0
        case .error: return 1
        case .passWithWarnings: return 2
        case .knownDivergence: return 3
        case .divergenceNotObserved: return 4
        case .pass: return 5
        case .skip: return 6
        }
    }

    /// Every verdict token with its label, in the order the filters list them.
    static let tokens: [(value: String, label: String)] = [
        ("fail", "failed"), ("error", "errors"), ("warn", "warnings"), ("known", "known divergences"),
        ("stale", "stale divergences"), ("pass", "passed"), ("skip", "skipped"),
    ]

    /// The badge shown for this verdict.
    var badge: String { "<span class=\"v v-\(token)\">\(HTMLPage.text(label))</span>" }

    /// What broke, with the findings of a failure, a warning or a known divergence.
    var findings: [Finding] {
        switch self {
        case .fail(let found), .passWithWarnings(let found), .knownDivergence(_, let found): return found
        default: return []
        }
    }
}
