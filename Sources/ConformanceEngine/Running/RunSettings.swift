import ConformanceModel

/// How a run behaves, whoever starts it: the CLI's flags, the suite's environment, a target config's settings.
package struct RunSettings: Sendable {
    /// Cases in flight at once (the CLI's `--concurrency`; the suite leaves it to Swift Testing).
    package var concurrency: Int
    /// Seconds per exchange.
    package var timeout: Double
    /// Answer bodies beyond this many bytes end the exchange.
    package var maxBodyBytes: Int
    /// Warnings fail their case: `--strict`, `"strict": true` in the config, `CONFORMANCE_STRICT=1`.
    package var strict: Bool
    /// Requests per second for every API (`--rate`); otherwise each API's `rateLimit`, or none.
    package var rate: Double?
    /// The run stops, leaving the cases not started out with the reason, once this many requests were sent or cases
    /// failed (`--max-requests`, `--max-failures`).
    package var maxRequests: Int?
    package var maxFailures: Int?
    /// A failing case is run again up to this many times, after a pause (`--retry-failed`); one that then passes is
    /// flaky, reported as such (and failed under `strict`).
    package var retryFailed: Int

    package init(
        config: TargetConfig?, concurrency: Int = 4, strict: Bool = false, rate: Double? = nil, maxRequests: Int? = nil,
        maxFailures: Int? = nil, retryFailed: Int = 0
    ) {
        self.retryFailed = max(0, retryFailed)
        self.rate = rate
        self.maxRequests = maxRequests
        self.maxFailures = maxFailures
        self.concurrency = max(1, concurrency)
        timeout = config?.timeoutSeconds ?? 10
        maxBodyBytes = config?.maxBodyBytes ?? 1 << 20
        self.strict = strict || (config?.strict ?? false)
    }
}
