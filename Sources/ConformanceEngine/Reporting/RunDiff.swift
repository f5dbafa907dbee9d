import ConformanceModel

/// What changed between two runs of the suite (`conformance report --diff BASE NEW`, `conformance run --baseline`):
/// the failures NEW has that BASE did not, the ones it fixed, the cases failing in both whose findings changed, and the
/// cases one run has and the other not. A failure here is a failed or errored case, the same as for the exit status.
package struct RunDiff: Sendable {
    package let newFailures: [String]
    package let fixed: [String]
    /// Failing in both, with other findings: the case id and its findings in each run.
    package let changed: [(id: String, before: [String], after: [String])]
    package let added: [String]
    package let removed: [String]

    package init(base: RunReport, new: RunReport) {
        let before = Dictionary(
            base.results.map { ($0.testCase.id, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(
            new.results.map { ($0.testCase.id, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        let order = new.results.map(\.testCase.id)
        func failing(_ verdict: Verdict?) -> Bool { verdict?.isFailure ?? false }
        func lines(_ verdict: Verdict?) -> [String] {
            if case .error(let reason)? = verdict { return ["error: \(reason)"] }
            return (verdict?.findings ?? []).map(\.line)
        }
        // A failing case BASE did not have is a new failure too: BASE did not have that failure.
        newFailures = order.filter { failing(after[$0]) && !failing(before[$0]) }
        fixed = base.results.map(\.testCase.id).filter {
            failing(before[$0]) && after[$0] != nil && !failing(after[$0])
        }
        changed = order.compactMap { id in
            guard failing(before[id]), failing(after[id]), lines(before[id]) != lines(after[id]) else { return nil }
            return (id, lines(before[id]), lines(after[id]))
        }
        added = order.filter { before[$0] == nil }
        removed = base.results.map(\.testCase.id).filter { after[$0] == nil }
    }

    package var isEmpty: Bool {
        newFailures.isEmpty && fixed.isEmpty && changed.isEmpty && added.isEmpty && removed.isEmpty
    }

    /// For the console.
    package var text: String {
        var out: [String] = []
        func list(_ title: String, _ ids: [String]) {
            guard !ids.isEmpty else { return }
            out.append("\(title) (\(ids.count)):")
            out += ids.map { "  \($0)" }
        }
        list("New failures", newFailures)
        list("Fixed", fixed)
        if !changed.isEmpty {
            out.append("Failing in both, with other findings (\(changed.count)):")
            for change in changed {
                out.append("  \(change.id)")
                out += change.before.map { "    - \($0)" } + change.after.map { "    + \($0)" }
            }
        }
        list("Added cases", added)
        list("Removed cases", removed)
        return out.isEmpty ? "No difference in verdicts or findings." : out.joined(separator: "\n")
    }

    /// For a pull-request comment.
    package var markdown: String {
        var out = ["## Conformance: what changed", ""]
        func section(_ title: String, _ ids: [String]) {
            guard !ids.isEmpty else { return }
            out.append("**\(title)** (\(ids.count))")
            out += ids.map { "- `\($0)`" }
            out.append("")
        }
        section("New failures", newFailures)
        section("Fixed", fixed)
        if !changed.isEmpty {
            out.append("**Failing in both, with other findings** (\(changed.count))")
            for change in changed {
                out.append("- `\(change.id)`")
                out += change.before.map { "  - before: \(MarkdownSummary.cell($0))" }
                out += change.after.map { "  - now: \(MarkdownSummary.cell($0))" }
            }
            out.append("")
        }
        section("Added cases", added)
        section("Removed cases", removed)
        if isEmpty { out.append("No difference in verdicts or findings.") }
        return out.joined(separator: "\n") + "\n"
    }
}
