import Foundation

/// Where an operation stands, in terms every API can spell its own way.
enum Phase: Sendable, Equatable {
    case pending
    case running(percent: Int)
    case succeeded
    case failed

    var percent: Int {
        switch self {
        case .pending: return 0
        case .running(let percent): return percent
        case .succeeded, .failed: return 100
        }
    }

    var isTerminal: Bool { self == .succeeded || self == .failed }

    /// The phase in one API's words.
    func spelled(pending: String, running: String, succeeded: String, failed: String) -> String {
        switch self {
        case .pending: return pending
        case .running: return running
        case .succeeded: return succeeded
        case .failed: return failed
        }
    }
}

/// An operation's phase with the timestamps that go with it, always ordered created ≤ started ≤ updated ≤ finished.
struct Timeline: Sendable {
    var phase: Phase
    var created: Date
    var started: Date?
    var updated: Date
    var finished: Date?

    /// Fixed fixtures: the same answer on every request.
    static func fixed(_ phase: Phase) -> Timeline {
        let created = Date(timeIntervalSince1970: 1_764_000_000)
        let started = created.addingTimeInterval(2.5)
        let finished = phase.isTerminal ? created.addingTimeInterval(95.25) : nil
        return Timeline(
            phase: phase, created: created, started: phase == .pending ? nil : started,
            updated: finished ?? created.addingTimeInterval(40), finished: finished)
    }
}

/// Moves lifecycle fixtures through their phases from the first time each is asked about, so every run of the
/// suite against a fresh server sees the whole progression. `timeScale` speeds the clock up for tests.
actor LifecycleClock {
    private var firstSeen: [String: Date] = [:]
    private var polls: [String: Int] = [:]
    private let duration: TimeInterval

    init(timeScale: Double) {
        duration = Self.duration(timeScale: timeScale)
    }

    static func duration(timeScale: Double) -> TimeInterval { 2.0 / max(timeScale, 0.01) }

    func timeline(for key: String, now: Date = Date(), deviation: LifecycleDeviation? = nil) -> Timeline {
        let start = firstSeen[key] ?? now
        firstSeen[key] = start
        var fraction = now.timeIntervalSince(start) / duration
        if deviation == .neverFinishes { fraction = min(fraction, 0.6) }
        if deviation == .goesBackwards {
            // Driven by the number of polls, not the clock, so any poller sees 40 then 20 however slow it is.
            let count = polls[key, default: 0]
            polls[key] = count + 1
            fraction = [0.0, 0.4, 0.2][min(count, 2)] + (count > 2 ? 1 : 0)
        }
        let phase: Phase
        switch fraction {
        case ..<0.2: phase = .pending
        case ..<1: phase = .running(percent: Int((fraction * 100).rounded()))
        default: phase = .succeeded
        }
        let started = phase == .pending ? nil : start.addingTimeInterval(duration * 0.2)
        let finished = phase.isTerminal ? start.addingTimeInterval(duration) : nil
        return Timeline(
            phase: phase, created: start, started: started, updated: finished ?? max(now, started ?? start),
            finished: finished)
    }
}

extension LifecycleClock {
    /// The timeline a fixture role answers with: fixed for succeeded, in-progress and failed, moving for lifecycle.
    func timeline(role: String, key: String, deviation: LifecycleDeviation? = nil) -> Timeline {
        switch role {
        case "lifecycle": return timeline(for: key, deviation: deviation)
        case "in-progress": return .fixed(.running(percent: 40))
        case "failed": return .fixed(.failed)
        default: return .fixed(.succeeded)
        }
    }
}
