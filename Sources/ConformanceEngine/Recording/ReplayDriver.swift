import Foundation
import Synchronization

/// Answers each request from a recording, sending nothing: a case's requests get its recorded answers in order, as
/// long as each is the request recorded; a log-on gets the recorded log-on's answer. Where a case's request now
/// differs, or the recording holds no more of its exchanges, the case needs a live run, and is not judged.
final class ReplayDriver: Driver {
    private let byCase: [String: [HAR.Entry]]
    private let logons: [HAR.Entry]
    /// Per case: the exchanges replayed so far, and why it cannot be replayed, once that is known.
    private let progress = Mutex<[String: (replayed: Int, unreplayable: String?)]>([:])

    init(_ har: HAR) {
        byCase = Dictionary(grouping: har.log.entries.filter { $0.logon != true && $0.caseID != nil }) { $0.caseID! }
        logons = har.log.entries.filter { $0.logon == true }
    }

    func send(_ request: PreparedRequest) async -> Exchange {
        guard let origin = ExchangeOrigin.current else {
            return Exchange(unsent: request, .failed("\(Self.needsLiveRun) sent for no case"))
        }
        let now = HAR.Request(request, redactor: Self.redactor)
        if origin.isLogon {
            // Whichever case logs on first in the replay, the log-on is the same request: matched by where it goes.
            if let entry = logons.first(where: { $0.request.method == now.method && $0.request.url == now.url }),
                let replayed = replay(entry, for: request)
            {
                return replayed
            }
            return unreplayable(request, origin.caseID, "the recording holds no log-on at \(now.url)")
        }
        let index = progress.withLock { progress -> Int in
            let index = progress[origin.caseID]?.replayed ?? 0
            progress[origin.caseID, default: (0, nil)].replayed = index + 1
            return index
        }
        let entries = byCase[origin.caseID] ?? []
        guard index < entries.count else {
            return unreplayable(
                request, origin.caseID,
                entries.isEmpty
                    ? "the recording holds no exchange of this case"
                    : "the case now sends more than the \(entries.count) requests recorded")
        }
        let entry = entries[index]
        if let difference = entry.request.difference(from: now) {
            return unreplayable(request, origin.caseID, "request \(index + 1) of the case changed: \(difference)")
        }
        return replay(entry, for: request) ?? unreplayable(request, origin.caseID, "its recorded answer is unreadable")
    }

    /// Nothing was sent, so no pause needs to last; a stopped run still stops.
    func pause(for wait: Duration) async throws { try Task.checkCancellation() }

    func shutdown() async {}

    /// Why `caseID` could not be judged from the recording, if it could not.
    func unreplayable(_ caseID: String) -> String? { progress.withLock { $0[caseID]?.unreplayable } }

    static let needsLiveRun = "needs a live run:"

    /// Stand-in credentials are the mask itself, so a request built now reads as the recorded one did.
    private static let redactor = Redactor(secrets: [])

    private func replay(_ entry: HAR.Entry, for request: PreparedRequest) -> Exchange? {
        guard let outcome = entry.outcome, let started = entry.started else { return nil }
        return Exchange(
            request: request, outcome: outcome, started: started,
            finished: started.addingTimeInterval(entry.time / 1000))
    }

    private func unreplayable(_ request: PreparedRequest, _ caseID: String, _ reason: String) -> Exchange {
        progress.withLock { progress in
            if progress[caseID, default: (0, nil)].unreplayable == nil { progress[caseID]?.unreplayable = reason }
        }
        return Exchange(unsent: request, .failed("\(Self.needsLiveRun) \(reason)"))
    }
}
