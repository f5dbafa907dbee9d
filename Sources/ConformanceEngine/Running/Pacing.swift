import ConformanceModel
import Foundation

/// How a lifecycle case polls one target: how often, how long, and how it waits when the target asks it to slow down.
package struct Pacing: Sendable, Hashable {
    package var pollInterval: Duration
    /// Seconds from the first answer until a lifecycle that has not ended fails.
    package var lifecycleTimeout: Double

    package init(pollInterval: Duration, lifecycleTimeout: Double) {
        self.pollInterval = pollInterval
        self.lifecycleTimeout = lifecycleTimeout
    }

    /// A configured target: its own interval (default 1 s) and the config's timeout (default 20 s).
    static func live(_ target: TargetEntry, config: TargetConfig?) -> Pacing {
        Pacing(
            pollInterval: .milliseconds(Int64((target.pollIntervalSeconds ?? 1) * 1000)),
            lifecycleTimeout: config?.lifecycleTimeoutSeconds ?? 20)
    }

    /// The embedded server, whose lifecycles last `lifecycleSeconds`: eight polls per lifecycle, and five lifecycles'
    /// time (at least a second) before one that never ends fails.
    static func embedded(lifecycleSeconds: Double, config: TargetConfig?) -> Pacing {
        Pacing(
            pollInterval: .milliseconds(Int64(lifecycleSeconds / 8 * 1000)),
            lifecycleTimeout: config?.lifecycleTimeoutSeconds ?? max(1, 5 * lifecycleSeconds))
    }

    /// How long to wait before asking again when an answer asks to slow down (429, 503, or an API's documented
    /// throttling error, `throttling`): its `Retry-After`, in seconds or as an HTTP date, else a back-off doubling from
    /// the poll interval with each answer in a row (at most 10 s). Nil for any other answer.
    func backoff(after answer: Answer, inARow: Int, throttling: Bool = false, now: Date = Date()) -> Duration? {
        guard answer.status == 429 || answer.status == 503 || throttling else { return nil }
        if let value = answer.header("Retry-After")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
            if let date = Self.httpDate(value) {
                return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
            }
        }
        let doubled = pollInterval * (1 << min(max(inARow, 1), 10))
        return min(doubled, .seconds(10))
    }

    /// RFC 9110 IMF-fixdate, the only date form a sender may generate (`Retry-After`, `Date`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
