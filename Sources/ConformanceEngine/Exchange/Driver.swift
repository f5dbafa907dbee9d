/// What sends a case's requests and keeps its pauses: the network (`HTTPDriver`), or a recording being judged again
/// (`ReplayDriver`), where nothing is sent and no pause needs to last.
package protocol Driver: Sendable {
    func send(_ request: PreparedRequest) async -> Exchange
    /// A pause between requests (a poll interval, a throttling answer's wait); throws when the run was stopped.
    func pause(for wait: Duration) async throws
    func shutdown() async
}

extension HTTPDriver: Driver {
    package func pause(for wait: Duration) async throws { try await Task.sleep(for: wait) }
}
