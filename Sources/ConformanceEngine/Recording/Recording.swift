import Foundation
import Synchronization

/// Every exchange of a run, in the order they ended, each with the case it was sent for (`conformance run --record`).
package final class Recording: Sendable {
    struct Entry: Sendable {
        let origin: ExchangeOrigin?
        let exchange: Exchange
    }

    private let entries = Mutex<[Entry]>([])

    package init() {}

    func append(_ exchange: Exchange, origin: ExchangeOrigin?) {
        entries.withLock { $0.append(Entry(origin: origin, exchange: exchange)) }
    }

    var all: [Entry] { entries.withLock { $0 } }
}

/// Sends through another driver and keeps every exchange in a recording.
struct RecordingDriver: Driver {
    let base: any Driver
    let recording: Recording

    func send(_ request: PreparedRequest) async -> Exchange {
        let exchange = await base.send(request)
        recording.append(exchange, origin: ExchangeOrigin.current)
        return exchange
    }

    func pause(for wait: Duration) async throws { try await base.pause(for: wait) }

    func shutdown() async { await base.shutdown() }
}
