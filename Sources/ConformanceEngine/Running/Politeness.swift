import ConformanceModel
import Foundation
import Synchronization

/// Spaces one API's requests at least `1 / perSecond` apart, counted from when each was let go: a live service has
/// quotas, and a run should not be the reason it throttles. A waiter woken late (a loaded machine) takes its turn
/// from then on, so late wake-ups never bunch into a burst that makes up for lost time.
package final class RateLimiter: Sendable {
    private let interval: Duration
    /// When the next request may go.
    private let next = Mutex<ContinuousClock.Instant?>(nil)

    package init(perSecond: Double) {
        interval = .nanoseconds(Int64(1_000_000_000 / max(perSecond, 0.001)))
    }

    /// Waits for this request's turn.
    func wait() async throws {
        while true {
            let now = ContinuousClock.now
            let turn = next.withLock { next -> ContinuousClock.Instant? in
                if let next, next > now { return next }
                next = now + interval
                return nil
            }
            guard let turn else { return }
            try await Task.sleep(until: turn, clock: .continuous)
        }
    }
}

/// The requests a run has sent, and the failures it has met, shared by every API: what `--max-requests` and
/// `--max-failures` stop a run on.
package final class RunBudget: Sendable {
    let maxRequests: Int?
    let maxFailures: Int?
    private let counts = Mutex((requests: 0, failures: 0, refused: Set<String>()))

    package init(maxRequests: Int?, maxFailures: Int?) {
        self.maxRequests = maxRequests
        self.maxFailures = maxFailures
    }

    static let notRun = "not run:"

    /// Counts a request about to be sent; false, and nothing counted, once `maxRequests` were sent: the budget is a
    /// cap, also for a case already under way (a lifecycle's polls, a throttled resend, a log-on).
    func take(for origin: ExchangeOrigin?) -> Bool {
        counts.withLock { counts in
            if let maxRequests, counts.requests >= maxRequests {
                if let origin { counts.refused.insert(origin.caseID) }
                return false
            }
            counts.requests += 1
            return true
        }
    }

    func failed() { counts.withLock { $0.failures += 1 } }

    /// Whether a request of case `id` was not sent for want of budget: the case is then reported not run.
    func refused(_ id: String) -> Bool { counts.withLock { $0.refused.contains(id) } }

    /// Why no further case may start, or nil.
    var exhausted: String? {
        let (requests, failures) = counts.withLock { ($0.requests, $0.failures) }
        if let maxRequests, requests >= maxRequests {
            return "\(Self.notRun) the run's request budget (--max-requests \(maxRequests)) was spent"
        }
        if let maxFailures, failures >= maxFailures {
            return "\(Self.notRun) the run stopped after \(failures) failed cases (--max-failures \(maxFailures))"
        }
        return nil
    }
}

/// Sends through another driver when the API's rate allows, each request counted against the run's budget: one API's
/// requests, its log-on included, all pass here.
struct PoliteDriver: Driver {
    let base: any Driver
    let limiter: RateLimiter?
    let budget: RunBudget?

    func send(_ request: PreparedRequest) async -> Exchange {
        do {
            try await limiter?.wait()
        } catch {
            return Exchange(unsent: request, .failed("cancelled while waiting for the rate limit"))
        }
        if let budget, !budget.take(for: ExchangeOrigin.current) {
            return Exchange(unsent: request, .failed("not sent: the run's request budget was spent"))
        }
        return await base.send(request)
    }

    func pause(for wait: Duration) async throws { try await base.pause(for: wait) }

    func shutdown() async { await base.shutdown() }
}

extension CaseRunner {
    /// Whether the answer asks to slow down: 429, 503, or one of the API's documented throttling errors (Cloud
    /// Control's 400 ThrottlingException).
    func isThrottling(_ answer: Answer, format: WireFormat) -> Bool {
        if answer.status == 429 || answer.status == 503 { return true }
        let parsed = ParsedAnswer(answer)
        return throttlingMappings.contains {
            errorValidators[format].matches(parsed, mapping: $0)
        }
    }

    /// Whether `answer` asks to slow down in a way the case does not itself test: a case that provokes throttling is
    /// judged on its own throttling answer, but waits out any other (an unavailability case meeting a rate limit).
    func asksToWait(_ answer: Answer, for item: DerivedCase) -> Bool {
        guard isThrottling(answer, format: item.format) else { return false }
        guard item.family == .errors, let id = item.expectation.mapping, let mapping = profile.error(id) else {
            return true
        }
        return !errorValidators[item.format].matches(ParsedAnswer(answer), mapping: mapping)
    }

    static func isThrottlingMapping(_ mapping: ErrorMapping) -> Bool {
        mapping.status == 429 || (mapping.code ?? "").contains("Throttl") || mapping.code == "SlowDown"
    }

    /// Sends the case's request and waits out throttling answers — its `Retry-After`, or a back-off — signing each
    /// retry afresh, at most `maxThrottleRetries` times; the answer that is not a throttling one, or the last, and
    /// whether it still asks to wait (the retries spent, or the run stopped during a wait).
    func sendPolitely(_ item: DerivedCase, first: PreparedRequest, unsigned: PreparedRequest) async -> (
        Exchange, throttled: Int, waited: Double, stillThrottled: Bool
    ) {
        var request = first
        var throttled = 0
        var waited = 0.0
        while true {
            let exchange = await driver.send(request)
            guard case .success(let answer) = exchange.outcome, asksToWait(answer, for: item) else {
                return (exchange, throttled, waited, false)
            }
            guard throttled < Self.maxThrottleRetries else { return (exchange, throttled, waited, true) }
            throttled += 1
            let wait =
                target.pacing.backoff(after: answer, inARow: throttled, throttling: true, now: exchange.finished)
                ?? .seconds(1)
            waited += wait.inSeconds
            guard let next = await resend(item, after: wait, unsigned: unsigned, current: request) else {
                return (exchange, throttled, waited, true)
            }
            request = next
        }
    }

    static let maxThrottleRetries = 4
}

extension CaseResult {
    /// Why the run stopped before this case, when it did (`--max-requests`, `--max-failures`).
    package var stoppedEarly: String? {
        guard case .skip(let reason) = verdict, reason.hasPrefix(RunBudget.notRun) else { return nil }
        return String(reason.dropFirst(RunBudget.notRun.count + 1))
    }
}
