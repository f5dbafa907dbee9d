import ConformanceEngine
import Testing

/// A derived case as a Swift Testing argument: the console shows its id and what it checks.
public struct ConformanceCase: Sendable, CustomTestStringConvertible {
    public let derived: DerivedCase
    /// Why this argument is no case at all (an API name no profile has): checking it fails with this.
    let problem: String?

    public init(_ derived: DerivedCase) {
        self.derived = derived
        problem = nil
    }

    init(unknownAPI api: String, problem: String) {
        derived = DerivedCase(
            id: "\(api).unknown-api", api: api, family: .input, format: .json, covers: [], summary: problem,
            request: RequestPlan(), expectation: .success)
        self.problem = problem
    }

    public var testDescription: String { "\(derived.id) — \(derived.summary)" }

    /// Runs the case in the current suite scope and records its failure, if any, as an issue whose text
    /// carries the case id, the broken rule with its document source, expected and actual, and a curl repro.
    public func check(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        guard let scope = SuiteScope.current else {
            Issue.record(
                "no conformance run: add the `.conformance` trait to the enclosing @Suite",
                sourceLocation: sourceLocation)
            return
        }
        if let problem {
            Issue.record(Comment(rawValue: "conformance: \(problem)"), sourceLocation: sourceLocation)
            return
        }
        let result = await scope.run(derived)
        switch result.verdict {
        case .pass, .divergenceNotObserved:
            break
        case .passWithWarnings:
            // Shown on the console without failing the test; `--strict` turns these into failures before they get here.
            Issue.record(Comment(rawValue: result.explanation), severity: .warning, sourceLocation: sourceLocation)
        case .fail, .error:
            Issue.record(Comment(rawValue: result.explanation), sourceLocation: sourceLocation)
        case .knownDivergence:
            withKnownIssue(Comment(rawValue: result.explanation)) {
                Issue.record(Comment(rawValue: result.explanation), sourceLocation: sourceLocation)
            }
        case .skip(let reason):
            // Only a target failing at run time (e.g. a log-on that did not happen) gets here; planned skips never run.
            Issue.record(Comment(rawValue: "\(derived.id) could not run: \(reason)"), sourceLocation: sourceLocation)
        }
    }
}
