/// What a case came to.
public enum Verdict: Sendable, Hashable {
    case pass
    /// The target broke one or more rules.
    case fail([CheckFailure])
    /// The case does not apply to this target, with the reason.
    case skip(String)
    /// No answer could be judged (unreachable, timeout, body over the cap).
    case error(String)
    /// Failed as the target config said it would; reported, not counted as a failure.
    case knownDivergence(reason: String, failures: [CheckFailure])
    /// Listed as a known divergence but passed: the list is stale.
    case divergenceNotObserved(reason: String)

    public var label: String {
        switch self {
        case .pass: return "PASS"
        case .fail: return "FAIL"
        case .skip: return "SKIP"
        case .error: return "ERROR"
        case .knownDivergence: return "KNOWN"
        case .divergenceNotObserved: return "PASS*"
        }
    }

    /// Fails the run (exit 1, a red CI gate).
    public var isFailure: Bool {
        switch self {
        case .fail, .error: return true
        default: return false
        }
    }
}
