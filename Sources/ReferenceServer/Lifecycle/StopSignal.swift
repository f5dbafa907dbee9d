import Foundation

/// Lets a deliberately stalled answer end as soon as the server is asked to stop, so shutdown never waits on it.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }

    var isRaised: Bool { lock.withLock { raised } }

    func sleep(upTo limit: Duration) async {
        let end = ContinuousClock.now + limit
        while !isRaised, ContinuousClock.now < end {
            do { try await Task.sleep(for: .milliseconds(50)) } catch { return }
        }
    }
}
