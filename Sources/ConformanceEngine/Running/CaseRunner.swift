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
    let responseValidators: PerFormat<ResponseValidator>
    let errorValidators: PerFormat<ErrorValidator>
    /// The API's documented throttling answers (`isThrottlingMapping`), looked for in every answer.
    let throttlingMappings: [ErrorMapping]

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
        throttlingMappings = profile.errors.filter(Self.isThrottlingMapping)
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
        let (exchange, throttled, waited, stillThrottled) = await sendPolitely(
            item, first: request.signed, unsigned: request.unsigned)
        if stillThrottled, case .success(let answer) = exchange.outcome {
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

    /// Polls the lifecycle fixture until a terminal state, each readable answer checked and handed to the
    /// progression's rules (`LifecycleProgress`). Each poll is authorized afresh (a SigV4 signature carries its time);
    /// only the first and last exchanges are kept. An answer that asks to slow down (429, 503) is waited out as it
    /// says, within the deadline, not judged.
    private func poll(_ item: DerivedCase, first: PreparedRequest, unsigned: PreparedRequest) async -> (
        Verdict, [Exchange], Bool
    ) {
        let pacing = target.pacing
        let model = profile.response(item.format)
        var progress = LifecycleProgress(profile.lifecycle, format: item.format, model: model)
        // Counted from the first answer (the first request may wait behind every other case of the run), in the
        // answers' own times: a recording judged again reaches the deadline where the run did.
        var deadline: Date?
        var kept: [Exchange] = []
        var reached = false
        var throttledInARow = 0
        var request = first
        /// Waits, then signs the next poll afresh. False when the run was stopped during the wait: polling ends there
        /// rather than sending into a run nobody is reading.
        func pause(for wait: Duration) async -> Bool {
            guard let next = await resend(item, after: wait, unsigned: unsigned, current: request) else { return false }
            request = next
            return true
        }
        let stopped = Verdict.skip("the run was stopped while this case was polling")
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
            switch progress.observe(document, findings: findings) {
            case .ended(let verdict): return (verdict, kept, reached)
            case .goOn(let status):
                if let deadline, now > deadline {
                    return (progress.timedOut(status, after: pacing.lifecycleTimeout), kept, reached)
                }
            }
            guard await pause(for: pacing.pollInterval) else { return (stopped, kept, reached) }
        }
    }

    func divergence(_ item: DerivedCase, _ verdict: Verdict) -> Verdict {
        guard let known = target.knownDivergences.first(where: { $0.cases.contains { Glob.matches($0, item.id) } })
        else { return verdict }
        switch verdict {
        case .fail(let failures): return .knownDivergence(reason: known.reason, failures: failures)
        case .error(let reason):
            return .knownDivergence(
                reason: known.reason,
                failures: [Finding(rule: item.id, kind: .transport, expected: "an answer", actual: reason)])
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
