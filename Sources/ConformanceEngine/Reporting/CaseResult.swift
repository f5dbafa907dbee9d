/// A case with its verdict and the evidence for it.
package struct CaseResult: Sendable, Codable {
    package let testCase: DerivedCase
    package let verdict: Verdict
    /// The exchanges made (a lifecycle case makes several), redacted.
    package private(set) var transcript: String
    /// A command that replays the (first) request, with secrets as shell variables.
    package private(set) var curl: String?
    package let seconds: Double
    /// Whether an answer showed the operation itself ran (a 200, or the very error the case expected), as opposed to
    /// being refused earlier (401/403/404 where something else was expected).
    package let reachedOperation: Bool
    /// Answers that asked to slow down and were waited out, and the seconds waited (politeness with a live service).
    package var throttled = 0
    package var waited = 0.0
    /// The failed attempts before this one passed (`--retry-failed`): the case is flaky. Each attempt's first finding
    /// (`message`) and its whole explanation.
    package var flakyAttempts: [FlakyAttempt] = []

    package struct FlakyAttempt: Sendable, Codable, Hashable {
        package let message: String
        package let explanation: String
    }

    package var isFlaky: Bool { !flakyAttempts.isEmpty }

    package init(
        testCase: DerivedCase, verdict: Verdict, transcript: String, curl: String?, seconds: Double,
        reachedOperation: Bool
    ) {
        self.testCase = testCase
        self.verdict = verdict
        self.transcript = transcript
        self.curl = curl
        self.seconds = seconds
        self.reachedOperation = reachedOperation
    }

    /// A case that was not run, saying why: nothing was sent, so there is no evidence.
    static func skipped(_ testCase: DerivedCase, _ reason: String) -> CaseResult {
        CaseResult(
            testCase: testCase, verdict: .skip(reason), transcript: "", curl: nil, seconds: 0, reachedOperation: false)
    }

    /// This result with every secret masked in its transcript, curl and flaky attempts, all else kept.
    func redacted(by redactor: Redactor) -> CaseResult {
        var copy = self
        copy.transcript = redactor.text(transcript)
        copy.curl = curl.map(redactor.text)
        copy.flakyAttempts = flakyAttempts.map {
            FlakyAttempt(message: redactor.text($0.message), explanation: redactor.text($0.explanation))
        }
        return copy
    }

    /// This result, having waited out `throttled` answers for `waited` seconds.
    func waiting(_ throttled: Int, _ waited: Double) -> CaseResult {
        var copy = self
        copy.throttled = throttled
        copy.waited = waited
        return copy
    }

    /// Everything a reader needs to act on a failure: the case, the broken rules with their sources, and a repro.
    package var explanation: String {
        var lines = ["\(testCase.id): \(testCase.summary)", "covers: \(testCase.covers.joined(separator: ", "))"]
        switch verdict {
        case .passWithWarnings(let warnings):
            lines += warnings.map { "  " + $0.line }
        case .fail(let failures), .knownDivergence(_, let failures):
            if case .knownDivergence(let reason, _) = verdict { lines.append("known divergence: \(reason)") }
            lines += failures.map { "  " + $0.line }
        case .error(let reason): lines.append("error: \(reason)")
        case .skip(let reason): lines.append("skipped: \(reason)")
        case .divergenceNotObserved(let reason): lines.append("listed as a known divergence (\(reason)) but passed")
        case .pass: break
        }
        if let curl { lines.append("reproduce: \(curl)") }
        return lines.joined(separator: "\n")
    }
}
