import Foundation
import Synchronization

/// Every request the server was asked, with when it arrived: the server's own account of a client's pace, which a
/// client's count of what it sent cannot give (`--rate`, `--max-requests` are measured against it).
public final class RequestLog: Sendable {
    public struct Arrival: Sendable, Hashable {
        public let at: ContinuousClock.Instant
        public let method: String
        public let path: String
    }

    private let arrivals = Mutex<[Arrival]>([])

    public init() {}

    func append(_ request: WireRequest) {
        let arrival = Arrival(at: .now, method: request.method, path: request.rawPath)
        arrivals.withLock { $0.append(arrival) }
    }

    /// In the order they arrived.
    public var all: [Arrival] { arrivals.withLock { $0 } }
}
