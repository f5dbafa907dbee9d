import Synchronization

/// Lets a deliberately stalled answer end as soon as the server is asked to stop, so shutdown never waits on it:
/// raising it wakes every sleeper at once.
final class StopSignal: Sendable {
    private let state = Mutex((raised: false, sleepers: [Int: CheckedContinuation<Void, Never>](), next: 0))

    func raise() {
        let sleepers = state.withLock { state in
            state.raised = true
            defer { state.sleepers = [:] }
            return Array(state.sleepers.values)
        }
        for sleeper in sleepers { sleeper.resume() }
    }

    var isRaised: Bool { state.withLock { $0.raised } }

    /// Sleeps for `limit`, or until the signal is raised or the task cancelled, whichever comes first.
    func sleep(upTo limit: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: limit) }
            group.addTask { await self.raised() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns once the signal is raised, or the task is cancelled.
    private func raised() async {
        let id = state.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (sleeper: CheckedContinuation<Void, Never>) in
                // Registered under the lock, where a raise or a cancellation that came first is seen.
                let now = state.withLock { state -> Bool in
                    if state.raised || Task.isCancelled { return true }
                    state.sleepers[id] = sleeper
                    return false
                }
                if now { sleeper.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.resume()
        }
    }
}
