import ConformanceModel

/// Judging one answer, one method per kind of expectation: the answer a fixture must give, the refusal an invalid
/// value or a provoked error must get, and the acceptance a valid value must get.
extension CaseRunner {
    /// The verdict for a single exchange, and whether the answer came from the operation itself.
    /// `parsed` is the answer already read by the caller (the lifecycle poll), so its body is parsed only once.
    func judge(_ item: DerivedCase, _ exchange: Exchange, parsed: ParsedAnswer? = nil) -> (Verdict, Bool) {
        let answer: ParsedAnswer
        switch exchange.outcome {
        case .failure(let error): return (.error(error.description), false)
        case .success(let value): answer = parsed ?? ParsedAnswer(value)
        }
        switch item.expectation {
        case .agreement:
            return (.error("an agreement is judged across its formats, not on one answer"), false)
        case .success, .lifecycle:
            let findings = responseValidators[item.format].failures(
                answer, sent: exchange.request.sent, role: item.request.fixture)
            return (.judged(findings), answer.status == 200)
        case .error(let id), .rejectionOrRouter(let id):
            guard let mapping = profile.error(id) else {
                return (.error("the profile has no error mapping \(id)"), false)
            }
            return judgeRefusal(item, answer, mapping: mapping)
        case .accepted(let rejectionId):
            return judgeAcceptance(item, answer, sent: exchange.request.sent, rejection: profile.error(rejectionId))
        }
    }

    /// An answer that must be `mapping`'s refusal.
    private func judgeRefusal(_ item: DerivedCase, _ answer: ParsedAnswer, mapping: ErrorMapping) -> (Verdict, Bool) {
        let errors = errorValidators[item.format]
        let reached = errors.matches(answer, mapping: mapping)
        guard errors.isRefusal(answer) else {
            // A success where the documents require a refusal is the one finding that stands on its own.
            let refusal = Finding(
                rule: item.covers.first ?? mapping.id, kind: .status,
                expected: "the request refused (\(mapping.answerText))",
                actual: "HTTP \(answer.status), answered as a success",
                source: citation(item.covers.first ?? mapping.id),
                level: item.level)
            return (.judged([refusal]), reached)
        }
        if case .rejectionOrRouter = item.expectation, !reached, (400..<500).contains(answer.status) {
            return (judgeRouterAnswer(answer, mapping: mapping, errors: errors), false)
        }
        var failures = errors.failures(answer, mapping: mapping).map { $0.capped(at: item.level) }
        if mapping.provokedBy == .invalidInput, !reached,
            let outcome = profile.acceptedOutcomes.compactMap(profile.error).first(where: {
                errors.matches(answer, mapping: $0)
            })
        {
            // The answer for a valid id that names nothing: the invalid value was accepted and looked up. That
            // reading is only as firm as the documents' word on what the not-found answer means. It says what the
            // mapping's status and code would only restate.
            failures.removeAll { $0.rule == mapping.id && ($0.kind == .status || $0.kind == .errorCode) }
            failures.insert(
                Finding(
                    rule: item.covers.first ?? mapping.id, kind: .status,
                    expected: "the value refused as invalid (\(mapping.answerText))",
                    actual: "\(outcome.answerText): the value was accepted as valid and looked up",
                    source: citation(item.covers.first ?? mapping.id),
                    level: item.level.capped(at: outcome.resolvedLevel)), at: 0)
        }
        return (.judged(failures), reached)
    }

    /// A changed path refused before the operation: a router refused it, as a real service's does. An answer the
    /// documents give elsewhere (Oracle's own 404) says nothing new; any other is shown.
    private func judgeRouterAnswer(_ answer: ParsedAnswer, mapping: ErrorMapping, errors: ErrorValidator) -> Verdict {
        if profile.errors.contains(where: { $0.code != nil && errors.matches(answer, mapping: $0) }) { return .pass }
        let early = Finding(
            rule: mapping.id, kind: .status, expected: mapping.answerText,
            actual: "HTTP \(answer.status) "
                + (errors.code(of: answer) ?? "without an error code the protocol can read")
                + ": rejected before the operation (the value changes the route)",
            source: mapping.source.citation, level: .recommended)
        return .passWithWarnings([early])
    }

    /// An answer to a valid value. The documents require of it only that it is not refused as invalid. CenturyLink
    /// reports every outcome inside an HTTP 200, so the rejection is looked for before the status.
    private func judgeAcceptance(
        _ item: DerivedCase, _ answer: ParsedAnswer, sent: [String: String], rejection: ErrorMapping?
    ) -> (Verdict, Bool) {
        let errors = errorValidators[item.format]
        if let rejection, errors.matches(answer, mapping: rejection) {
            return (
                .judged([
                    Finding(
                        rule: item.covers.first ?? item.id, kind: .status,
                        expected: "the valid value accepted: HTTP 200 or a not-found answer",
                        actual: "HTTP \(answer.status), rejecting it as \(rejection.answerText)",
                        source: item.covers.first.flatMap(citation), level: item.level)
                ]), false
            )
        }
        if answer.status == 200, !errors.isRefusal(answer) {
            let found = responseValidators[item.format].failures(answer, sent: sent).map { $0.capped(at: item.level) }
            return (.judged(found), true)
        }
        let outcomes = profile.acceptedOutcomes.compactMap(profile.error)
        if answer.status == 404 || outcomes.contains(where: { errors.matches(answer, mapping: $0) }) {
            return (.pass, true)
        }
        let seen = errors.code(of: answer).map { " \($0)" } ?? " without an error code the protocol can read"
        let other = Finding(
            rule: item.covers.first ?? item.id, kind: .status,
            expected: "HTTP 200 or a not-found answer (" + outcomes.map(\.answerText).joined(separator: " or ") + ")",
            actual: "HTTP \(answer.status)\(seen): not the rejection, but not an answer about the value either",
            source: item.covers.first.flatMap(citation), level: .recommended)
        return (.passWithWarnings([other]), false)
    }

    private func citation(_ id: String) -> String? {
        profile.inputs.flatMap(\.constraints).first { $0.id == id }?.source.citation
            ?? profile.error(id)?.source.citation
    }

}
