import ConformanceModel
import Foundation

/// What a lifecycle case has seen so far, and the rules of its progression: every state in the enumeration, progress
/// and update time never going back, a terminal state in the end. The poll feeds it each readable answer; it says
/// whether to go on. Kept apart from the polling (transport, throttling, the deadline), which it knows nothing of.
struct LifecycleProgress {
    private let lifecycle: Lifecycle
    private let format: WireFormat
    private let model: ResponseModel?
    private let statusField: String
    private let allowed: [String]?
    /// The states seen, each once in a row.
    private(set) var seen: [String] = []
    /// Warnings of every answer, each said once.
    private(set) var warnings: [Finding] = []
    private var lastProgress: Double?
    private var lastUpdated: Date?

    init(_ lifecycle: Lifecycle, format: WireFormat, model: ResponseModel?) {
        self.lifecycle = lifecycle
        self.format = format
        self.model = model
        let statusField = lifecycle.statusField[format] ?? ""
        self.statusField = statusField
        allowed = model?.fields.first { $0.path == statusField }?.enumeration
    }

    enum Step {
        /// Not ended: poll again. The state the answer gave.
        case goOn(String)
        case ended(Verdict)
    }

    /// One answer read as `document`, with the findings the response checks made of it.
    mutating func observe(_ document: AnswerDocument, findings: [Finding]) -> Step {
        if case .fail = Verdict.judged(findings) { return .ended(.judged(findings)) }
        for finding in findings
        where !warnings.contains(where: { $0.rule == finding.rule && $0.expected == finding.expected }) {
            warnings.append(finding)
        }
        guard let status = document.first(statusField) else { return .ended(fail("a state at \(statusField)", "none")) }
        if seen.last != status { seen.append(status) }
        if let allowed, !allowed.contains(status) {
            return .ended(fail("every state to be one of \(allowed.joined(separator: " | "))", "'\(status)'"))
        }
        if let path = lifecycle.progressField?[format], let text = document.first(path), let progress = Double(text) {
            if let last = lastProgress, progress < last {
                return .ended(fail("\(path) never to decrease", "\(Numbers.text(last)) then \(Numbers.text(progress))"))
            }
            lastProgress = progress
        }
        if let path = lifecycle.updatedField?[format], let model, let text = document.first(path),
            let updated = InvariantCheck.instant(path, text, model: model, document: document)
        {
            if let last = lastUpdated, updated < last { return .ended(fail("\(path) never to move back", text)) }
            lastUpdated = updated
        }
        return lifecycle.terminal.contains(status) ? .ended(.judged(warnings)) : .goOn(status)
    }

    /// The verdict when the deadline passed while the state was still `status`.
    func timedOut(_ status: String, after seconds: Double) -> Verdict {
        fail(
            "a terminal state (\(lifecycle.terminal.joined(separator: " | "))) within \(Numbers.text(seconds)) s",
            "still '\(status)'")
    }

    private func fail(_ expected: String, _ actual: String) -> Verdict {
        .fail([
            Finding(
                rule: lifecycle.id, kind: .lifecycle, expected: expected,
                actual: "\(actual) (states seen: \(seen.joined(separator: " → ")))", source: lifecycle.source.citation)
        ])
    }
}
