import ConformanceModel
import Foundation

/// Runs cases of one API against its target and judges each answer against the case's expectation. Made once per
/// API for a run, with its request builder, authorizer and validators: a case copies none of the profile.
final class CaseRunner: Sendable {
    let profile: Profile
    let target: ResolvedTarget
    let driver: any Driver
    /// Warnings fail the case (`--strict`).
    let strict: Bool
    let builder: RequestBuilder
    let authorizer: Authorizer
    private let responseValidators: PerFormat<ResponseValidator>
    let errorValidators: PerFormat<ErrorValidator>

    /// `limiter` and `budget`, the API's rate limit and the run's request budget where the run has them, hold every
    /// request this runner sends.
    init(
        profile: Profile, target: ResolvedTarget, driver: any Driver, schemas: SchemaStore, sessions: SessionCache,
        strict: Bool, limiter: RateLimiter? = nil, budget: RunBudget? = nil
    ) {
        self.profile = profile
        self.target = target
        self.driver =
            limiter == nil && budget == nil ? driver : PoliteDriver(base: driver, limiter: limiter, budget: budget)
        self.strict = strict
        builder = RequestBuilder(profile: profile, target: target)
        authorizer = Authorizer(profile: profile, target: target, sessions: sessions)
        responseValidators = PerFormat { ResponseValidator(profile: profile, format: $0, schemas: schemas) }
        errorValidators = PerFormat { ErrorValidator(profile: profile, format: $0) }
    }

    func run(_ item: DerivedCase) async -> CaseResult {
        let started = ContinuousClock.now
        func result(_ verdict: Verdict, _ exchanges: [Exchange] = [], reached: Bool = false, curl: String? = nil)
            -> CaseResult
        {
            let transcript = exchanges.map { Transcript.render($0) }.joined(separator: "\n\n")
            return CaseResult(
                testCase: item, verdict: divergence(item, strict ? verdict.strict() : verdict), transcript: transcript,
                curl: curl, seconds: (ContinuousClock.now - started).inSeconds, reachedOperation: reached)
        }
        if case .agreement(let id) = item.expectation {
            let (verdict, exchanges, curl, reached) = await compare(item, agreement: id)
            return result(verdict, exchanges, reached: reached, curl: curl)
        }
        let request: Preparation
        do { request = try await prepare(item) } catch { return result(error.verdict) }
        if item.expectation == .lifecycle {
            let (verdict, exchanges, reached) = await poll(item, first: request.signed, unsigned: request.unsigned)
            return result(verdict, exchanges, reached: reached, curl: request.curl)
        }
        let (exchange, throttled, waited) = await sendPolitely(
            item, first: request.signed, unsigned: request.unsigned)
        if throttled > 0, case .success(let answer) = exchange.outcome, asksToWait(answer, for: item) {
            // Still asked to slow down after every wait: the answer says nothing about the rule the case tests.
            let verdict = Verdict.error(
                "throttled: HTTP \(answer.status) after \(throttled) waits (\(Numbers.seconds(waited)) s); nothing judged"
            )
            return result(verdict, [exchange], curl: request.curl).waiting(throttled, waited)
        }
        let (verdict, reached) = judge(item, exchange)
        return result(verdict, [exchange], reached: reached, curl: request.curl).waiting(throttled, waited)
    }

    /// A case's request as the run sends it: unsigned (each resend is signed afresh), signed, and as a curl command.
    struct Preparation {
        let unsigned: PreparedRequest
        let signed: PreparedRequest
        let curl: String
    }

    /// Why a case's request could not be sent: a skip where the target cannot build it, else an error.
    struct Unprepared: Error {
        let verdict: Verdict
    }

    /// Builds and signs the request of `item`.
    func prepare(_ item: DerivedCase) async throws(Unprepared) -> Preparation {
        let unsigned: PreparedRequest
        let signed: PreparedRequest
        do {
            unsigned = try builder.build(item)
            signed = try await authorizer.apply(item.request.auth, to: unsigned, driver: driver)
        } catch RequestBuilder.Refusal.skip(let reason) {
            throw Unprepared(verdict: .skip(reason))
        } catch Authorizer.Failure.logon(let reason) {
            throw Unprepared(verdict: .error(reason))
        } catch {
            throw Unprepared(verdict: .error("the request could not be prepared: \(error)"))
        }
        let logon =
            profile.auth.scheme == .sessionCookie && item.request.auth == .valid
            ? target.baseURL + target.logonPath(profile) : nil
        let curl = Transcript.curl(signed, auth: profile.auth, region: target.region, logonURL: logon)
        return Preparation(unsigned: unsigned, signed: signed, curl: curl)
    }

    /// Waits `wait`, then signs `unsigned` afresh (a SigV4 signature carries its time); `current` again where signing
    /// fails, nil when the run was stopped during the wait.
    func resend(
        _ item: DerivedCase, after wait: Duration, unsigned: PreparedRequest, current: PreparedRequest
    ) async -> PreparedRequest? {
        do { try await driver.pause(for: wait) } catch { return nil }
        return (try? await authorizer.apply(item.request.auth, to: unsigned, driver: driver)) ?? current
    }

    /// The verdict for a single exchange, and whether the answer came from the operation itself.
    /// `parsed` is the answer already read by the caller (the lifecycle poll), so its body is parsed only once.
    func judge(_ item: DerivedCase, _ exchange: Exchange, parsed: ParsedAnswer? = nil) -> (Verdict, Bool) {
        let answer: ParsedAnswer
        switch exchange.outcome {
        case .failure(let error): return (.error(error.description), false)
        case .success(let value): answer = parsed ?? ParsedAnswer(value)
        }
        let responses = responseValidators[item.format]
        let errors = errorValidators[item.format]
        switch item.expectation {
        case .agreement:
            return (.error("an agreement is judged across its formats, not on one answer"), false)
        case .success, .lifecycle:
            return (
                .judged(responses.failures(answer, sent: exchange.request.sent, role: item.request.fixture)),
                answer.status == 200
            )
        case .error(let id), .rejectionOrRouter(let id):
            guard let mapping = profile.error(id) else {
                return (.error("the profile has no error mapping \(id)"), false)
            }
            let reached = errors.matches(answer, mapping: mapping)
            guard errors.isRefusal(answer) else {
                // A success where the documents require a refusal is the one finding that stands on its own.
                let refusal = CheckFailure(
                    check: item.covers.first ?? mapping.id, kind: .status,
                    expected: "the request refused (\(mapping.answerText))",
                    actual: "HTTP \(answer.status), answered as a success",
                    source: citation(item.covers.first ?? mapping.id),
                    level: item.level)
                return (.judged([refusal]), reached)
            }
            if case .rejectionOrRouter = item.expectation, !reached, (400..<500).contains(answer.status) {
                // The changed path never reached the operation: a router refused it, as a real service's does. An
                // answer the documents give elsewhere (Oracle's own 404) says nothing new; any other is shown.
                if profile.errors.contains(where: { $0.code != nil && errors.matches(answer, mapping: $0) }) {
                    return (.pass, false)
                }
                let early = CheckFailure(
                    check: mapping.id, kind: .status, expected: mapping.answerText,
                    actual: "HTTP \(answer.status) "
                        + (errors.code(of: answer) ?? "without an error code the protocol can read")
                        + ": rejected before the operation (the value changes the route)",
                    source: mapping.source.citation, level: .recommended)
                return (.passWithWarnings([early]), false)
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
                failures.removeAll { $0.check == mapping.id && ($0.kind == .status || $0.kind == .errorCode) }
                failures.insert(
                    CheckFailure(
                        check: item.covers.first ?? mapping.id, kind: .status,
                        expected: "the value refused as invalid (\(mapping.answerText))",
                        actual: "\(outcome.answerText): the value was accepted as valid and looked up",
                        source: citation(item.covers.first ?? mapping.id),
                        level: item.level.capped(at: outcome.resolvedLevel)), at: 0)
            }
            return (.judged(failures), reached)
        case .accepted(let rejectionId):
            // The documents require of a valid value only that it is not refused as invalid. CenturyLink reports
            // every outcome inside an HTTP 200, so the rejection is looked for before the status.
            let rejection = profile.error(rejectionId)
            if let rejection, errors.matches(answer, mapping: rejection) {
                return (
                    .judged([
                        CheckFailure(
                            check: item.covers.first ?? item.id, kind: .status,
                            expected: "the valid value accepted: HTTP 200 or a not-found answer",
                            actual: "HTTP \(answer.status), rejecting it as \(rejection.answerText)",
                            source: item.covers.first.flatMap(citation), level: item.level)
                    ]), false
                )
            }
            if answer.status == 200, !errors.isRefusal(answer) {
                let found = responses.failures(answer, sent: exchange.request.sent).map { $0.capped(at: item.level) }
                return (.judged(found), true)
            }
            let outcomes = profile.acceptedOutcomes.compactMap(profile.error)
            if answer.status == 404 || outcomes.contains(where: { errors.matches(answer, mapping: $0) }) {
                return (.pass, true)
            }
            let seen = errors.code(of: answer).map { " \($0)" } ?? " without an error code the protocol can read"
            let other = CheckFailure(
                check: item.covers.first ?? item.id, kind: .status,
                expected: "HTTP 200 or a not-found answer (" + outcomes.map(\.answerText).joined(separator: " or ")
                    + ")",
                actual: "HTTP \(answer.status)\(seen): not the rejection, but not an answer about the value either",
                source: item.covers.first.flatMap(citation), level: .recommended)
            return (.passWithWarnings([other]), false)
        }
    }

    /// Polls the lifecycle fixture until a terminal state, checking every answer and the progression between them.
    /// Each poll is authorized afresh (a SigV4 signature carries its time); only the first and last exchanges are kept.
    /// An answer that asks to slow down (429, 503) is waited out as it says, within the deadline, not judged.
    private func poll(_ item: DerivedCase, first: PreparedRequest, unsigned: PreparedRequest) async -> (
        Verdict, [Exchange], Bool
    ) {
        let lifecycle = profile.lifecycle
        // Counted from the first answer (the first request may wait behind every other case of the run), in the
        // answers' own times: a recording judged again reaches the deadline where the run did.
        var deadline: Date?
        var kept: [Exchange] = []
        var seen: [String] = []
        var lastProgress: Double?
        var lastUpdated: Date?
        var reached = false
        var warnings: [CheckFailure] = []
        var throttledInARow = 0
        var request = first
        let pacing = target.pacing
        let model = profile.response(item.format)
        let statusField = lifecycle.statusField[item.format] ?? ""
        let allowed = model?.fields.first { $0.path == statusField }?.enumeration
        /// Waits, then signs the next poll afresh. False when the run was stopped during the wait: polling ends there
        /// rather than sending into a run nobody is reading.
        func pause(for wait: Duration) async -> Bool {
            guard let next = await resend(item, after: wait, unsigned: unsigned, current: request) else { return false }
            request = next
            return true
        }
        let stopped = Verdict.skip("the run was stopped while this case was polling")
        func fail(_ expected: String, _ actual: String) -> Verdict {
            .fail([
                CheckFailure(
                    check: lifecycle.id, kind: .lifecycle, expected: expected,
                    actual: "\(actual) (states seen: \(seen.joined(separator: " → ")))",
                    source: lifecycle.source.citation)
            ])
        }
        while true {
            let exchange = await driver.send(request)
            if Task.isCancelled { return (stopped, kept, reached) }
            if kept.isEmpty { kept.append(exchange) } else { kept = [kept[0], exchange] }
            guard case .success(let answer) = exchange.outcome else {
                return (judge(item, exchange).0, kept, reached)
            }
            let now = exchange.finished
            if deadline == nil { deadline = now.addingTimeInterval(pacing.lifecycleTimeout) }
            if let wait = pacing.backoff(
                after: answer, inARow: throttledInARow + 1, throttling: isThrottling(answer, format: item.format),
                now: now),
                let deadline,
                now.addingTimeInterval(wait.inSeconds) < deadline
            {
                throttledInARow += 1
                guard await pause(for: wait) else { return (stopped, kept, reached) }
                continue
            }
            throttledInARow = 0
            let parsed = ParsedAnswer(answer)
            guard answer.status == 200, let document = try? parsed.document(item.format, namespace: model?.namespace)
            else {
                return (judge(item, exchange, parsed: parsed).0, kept, reached)
            }
            reached = true
            let findings = responseValidators[item.format].failures(parsed, sent: request.sent)
            if case .fail = Verdict.judged(findings) { return (.judged(findings), kept, reached) }
            for finding in findings
            where !warnings.contains(where: { $0.check == finding.check && $0.expected == finding.expected }) {
                warnings.append(finding)
            }
            guard let status = document.first(statusField) else {
                return (fail("a state at \(statusField)", "none"), kept, reached)
            }
            if seen.last != status { seen.append(status) }
            if let allowed, !allowed.contains(status) {
                return (
                    fail("every state to be one of \(allowed.joined(separator: " | "))", "'\(status)'"), kept, reached
                )
            }
            if let path = lifecycle.progressField?[item.format], let text = document.first(path),
                let progress = Double(text)
            {
                if let last = lastProgress, progress < last {
                    return (
                        fail("\(path) never to decrease", "\(Numbers.text(last)) then \(Numbers.text(progress))"), kept,
                        reached
                    )
                }
                lastProgress = progress
            }
            if let path = lifecycle.updatedField?[item.format], let model, let text = document.first(path),
                let updated = InvariantCheck.instant(path, text, model: model, document: document)
            {
                if let last = lastUpdated, updated < last {
                    return (fail("\(path) never to move back", text), kept, reached)
                }
                lastUpdated = updated
            }
            if lifecycle.terminal.contains(status) { return (.judged(warnings), kept, reached) }
            if let deadline, now > deadline {
                return (
                    fail(
                        "a terminal state (\(lifecycle.terminal.joined(separator: " | "))) within \(Numbers.text(pacing.lifecycleTimeout)) s",
                        "still '\(status)'"), kept, reached
                )
            }
            guard await pause(for: pacing.pollInterval) else { return (stopped, kept, reached) }
        }
    }

    private func citation(_ id: String) -> String? {
        profile.inputs.flatMap(\.constraints).first { $0.id == id }?.source.citation
            ?? profile.error(id)?.source.citation
    }

    func divergence(_ item: DerivedCase, _ verdict: Verdict) -> Verdict {
        guard let known = target.knownDivergences.first(where: { $0.cases.contains { Glob.matches($0, item.id) } })
        else { return verdict }
        switch verdict {
        case .fail(let failures): return .knownDivergence(reason: known.reason, failures: failures)
        case .error(let reason):
            return .knownDivergence(
                reason: known.reason,
                failures: [CheckFailure(check: item.id, kind: .transport, expected: "an answer", actual: reason)])
        case .pass, .passWithWarnings: return .divergenceNotObserved(reason: known.reason)
        default: return verdict
        }
    }
}

/// One value for each wire format, made up front.
struct PerFormat<Value: Sendable>: Sendable {
    private let json: Value
    private let xml: Value

    init(_ make: (WireFormat) -> Value) {
        json = make(.json)
        xml = make(.xml)
    }

    subscript(format: WireFormat) -> Value {
        switch format {
        case .json: return json
        case .xml: return xml
        }
    }
}
