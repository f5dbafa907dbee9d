/// What a case came to.
package enum Verdict: Sendable, Hashable, Codable {
    case pass
    /// Every required rule held; recommended ones (conventions, the profile's decisions) did not.
    case passWithWarnings([Finding])
    /// The target broke one or more required rules (recommended ones broken too are listed after them).
    case fail([Finding])
    /// The case does not apply to this target, with the reason.
    case skip(String)
    /// No answer could be judged (unreachable, timeout, body over the cap).
    case error(String)
    /// Failed as the target config said it would; reported, not counted as a failure.
    case knownDivergence(reason: String, failures: [Finding])
    /// Listed as a known divergence but passed: the list is stale.
    case divergenceNotObserved(reason: String)

    /// The verdict for what the checks found: fail on a broken required rule, warn on recommended ones only.
    package static func judged(_ findings: [Finding]) -> Verdict {
        if findings.isEmpty { return .pass }
        guard findings.contains(where: { $0.level == .required }) else { return .passWithWarnings(findings) }
        return .fail(findings.filter { $0.level == .required } + findings.filter { $0.level == .recommended })
    }

    /// Under `--strict` a warning fails the case like any broken rule.
    package func strict() -> Verdict {
        if case .passWithWarnings(let warnings) = self { return .fail(warnings) }
        return self
    }

    package var label: String {
        switch self {
        case .pass: return "PASS"
        case .passWithWarnings: return "WARN"
        case .fail: return "FAIL"
        case .skip: return "SKIP"
        case .error: return "ERROR"
        case .knownDivergence: return "KNOWN"
        case .divergenceNotObserved: return "PASS*"
        }
    }

    /// Fails the run (exit 1, a red CI gate).
    package var isFailure: Bool {
        switch self {
        case .fail, .error: return true
        default: return false
        }
    }

    /// The recommended rules a passing case broke.
    package var warnings: [Finding] {
        if case .passWithWarnings(let warnings) = self { return warnings }
        return []
    }
}
