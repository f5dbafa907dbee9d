import ConformanceModel

/// Per-API counts, including how much of the profile the run actually exercised: a green run that never reached
/// the operation proves nothing, and the summary says so.
package struct APISummary: Sendable {
    package let api: String
    package let target: String
    package var passed = 0, warned = 0, failed = 0, errors = 0, skipped = 0, known = 0
    /// Warnings in all: a case can break several recommended rules.
    package var warnings = 0
    /// Rules (constraints, fields, invariants, error mappings, lifecycle) covered by a case that was run, of all rules.
    package let rulesExercised: Int, rules: Int
    /// Error mappings whose case saw exactly that error, of all mappings.
    package let errorsObserved: Int, errorMappings: Int
    /// Cases run whose answer did not come from the operation (refused or misrouted: 401/403/404 and the like).
    package let refused: Int, run: Int
    /// Why the first case without an answer to judge had none (`connection refused`, a timeout).
    package let firstError: String?

    package var total: Int { passed + warned + failed + errors + skipped + known }

    /// True when most answers came from something other than the operation.
    package var mostlyRefused: Bool { run > 0 && refused * 2 > run }

    /// True when no case that ran got an answer to judge: the target is not there, and that is all the run knows.
    package var unanswered: Bool { run > 0 && errors == run }

    /// What the summary says when the run proves little: nothing answered, or most answers came from before the
    /// operation.
    package var caution: String? {
        if unanswered {
            return
                "\(api): no answer from \(target) in any of its \(run) cases (\(firstError ?? "no answer")); nothing about the API was judged. Check that the target is running and that the config's baseURL names it."
        }
        if mostlyRefused {
            return
                "\(api): \(refused) of \(run) answers did not come from the operation (refused or not found before it ran); passes here prove little. Check credentials and fixtures."
        }
        return nil
    }

    package init(profile: Profile, results: [CaseResult], target: String) {
        api = profile.api
        self.target = target
        var exercised = Set<String>()
        var observed = Set<String>()
        var refused = 0
        var run = 0
        var firstError: String?
        for result in results {
            switch result.verdict {
            case .pass, .divergenceNotObserved: passed += 1
            case .passWithWarnings(let found):
                warned += 1
                warnings += found.count
            case .fail: failed += 1
            case .error(let reason):
                errors += 1
                if firstError == nil { firstError = reason }
            case .skip: skipped += 1
            case .knownDivergence: known += 1
            }
            if case .skip = result.verdict { continue }
            run += 1
            exercised.formUnion(result.testCase.covers)
            if case .error(let id) = result.testCase.expectation, result.reachedOperation, !result.verdict.isFailure {
                observed.insert(id)
            }
            if !result.reachedOperation, result.testCase.family != .auth { refused += 1 }
        }
        let coverage = Coverage(profile: profile, cases: results.map(\.testCase))
        rules = coverage.rows.count
        rulesExercised = coverage.rows.filter { exercised.contains($0.id) }.count
        errorMappings = profile.errors.count
        errorsObserved = observed.count
        self.refused = refused
        self.run = run
        self.firstError = firstError
    }

    /// The cautions first — a run that proves little says so before its numbers — then a line per API.
    package static func table(_ summaries: [APISummary]) -> String {
        var lines = summaries.compactMap(\.caution).map { "WARNING: \($0)" }
        lines += [
            "API            pass  warn  fail  error  skip  known   rules exercised   errors observed   target",
            "-------------  ----  ----  ----  -----  ----  -----   ---------------   ---------------   ------",
        ]
        for s in summaries {
            lines.append(
                "\(pad(s.api, 13))  \(num(s.passed, 4))  \(num(s.warned, 4))  \(num(s.failed, 4))  \(num(s.errors, 5))  \(num(s.skipped, 4))  \(num(s.known, 5))   \(pad("\(s.rulesExercised)/\(s.rules)", 15))   \(pad("\(s.errorsObserved)/\(s.errorMappings)", 15))   \(s.target)"
            )
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }
    private static func num(_ value: Int, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - String(value).count)) + String(value)
    }
}

extension Verdict {
    var isDivergenceNotObserved: Bool {
        if case .divergenceNotObserved = self { return true }
        return false
    }
}

extension RunReport {
    package var summaries: [APISummary] {
        profiles.map { profile in
            APISummary(
                profile: profile, results: results.filter { $0.testCase.api == profile.api },
                target: targetLabels[profile.api] ?? "not configured")
        }.filter { $0.total > 0 }
    }

    /// The table, then one line of totals: errors (no answer to judge) are counted apart from failures (a broken rule).
    package var summaryText: String {
        let all = summaries
        func sum(_ count: (APISummary) -> Int) -> Int { all.reduce(0) { $0 + count($1) } }
        return APISummary.table(all)
            + "\n\(sum(\.passed)) passed, \(sum(\.warned)) passed with warnings, \(sum(\.failed)) failed, \(sum(\.errors)) errors, "
            + "\(sum(\.skipped)) skipped, \(sum(\.known)) known divergences in \(String(format: "%.1f", seconds)) s against \(targetName)"
            + throttlingText + leftOutText
    }

    /// Answers that asked to slow down and were waited out, on a live service's quota.
    private var throttlingText: String {
        let throttled = results.reduce(0) { $0 + $1.throttled }
        let flaky = results.filter { $0.isFlaky && !$0.verdict.isFailure }.map(\.testCase.id)
        var text = ""
        if throttled > 0 {
            let waited = results.reduce(0) { $0 + $1.waited }
            text +=
                "\n\(throttled) answers asked to slow down and were waited out (\(Numbers.seconds(waited)) s in all)"
        }
        if !flaky.isEmpty {
            text += "\n\(flaky.count) flaky (failed, then passed when run again): \(flaky.joined(separator: ", "))"
        }
        return text
    }

    /// The cases left out before the run (they do not apply to this target), grouped by reason.
    private var leftOutText: String {
        guard !leftOut.isEmpty else { return "" }
        var text = "\nLeft out (do not apply to this target), \(leftOut.count) cases:"
        for (reason, cases) in Dictionary(grouping: leftOut, by: \.reason).sorted(by: { $0.key < $1.key }) {
            let shown = cases.prefix(4).map(\.id).joined(separator: ", ") + (cases.count > 4 ? ", …" : "")
            text += "\n  \(cases.count) × \(reason): \(shown)"
        }
        return text
    }
}
