import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

@Suite("Lifecycle pacing: fast on the embedded server, patient with live targets")
struct PacingTests {
    @Test("a live target keeps its own interval, one second unless configured")
    func live() {
        let target = TargetEntry(baseURL: "https://example.com", auth: AuthConfig())
        #expect(Pacing.live(target, config: nil).pollInterval == .seconds(1))
        var slow = target
        slow.pollIntervalSeconds = 5
        #expect(
            Pacing.live(slow, config: TargetConfig(lifecycleTimeoutSeconds: 600, apis: [:]))
                == Pacing(pollInterval: .seconds(5), lifecycleTimeout: 600))
    }

    @Test("429 and 503 are waited out: Retry-After in seconds or as a date, else a doubling back-off up to 10 s")
    func backoff() {
        let pacing = Pacing(pollInterval: .milliseconds(100), lifecycleTimeout: 20)
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        func answer(_ status: Int, _ retryAfter: String? = nil) -> Answer {
            Fixtures.answer(status: status, body: "{}", headers: retryAfter.map { [("Retry-After", $0)] } ?? [])
        }
        #expect(pacing.backoff(after: answer(200), inARow: 1) == nil)
        #expect(pacing.backoff(after: answer(500), inARow: 1) == nil)
        #expect(pacing.backoff(after: answer(429, "3"), inARow: 1) == .seconds(3))
        #expect(pacing.backoff(after: answer(503, "Mon, 24 Nov 2025 16:00:07 GMT"), inARow: 1, now: now) == .seconds(7))
        #expect(pacing.backoff(after: answer(503), inARow: 1) == .milliseconds(200))
        #expect(pacing.backoff(after: answer(503), inARow: 3) == .milliseconds(800))
        #expect(pacing.backoff(after: answer(429, "soon"), inARow: 20) == .seconds(10))
    }
}
