import ConformanceModel
import Foundation

/// A request exactly as it is sent: the path is already percent-encoded and is not normalised again.
package struct PreparedRequest: Sendable {
    package var method: String
    /// Scheme, host and port, plus any path prefix of the target's base URL.
    package var origin: String
    package var path: String
    package var query: String
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// The input values this request carries (absent: left out), for the invariants that compare answer to request.
    package var sent: [String: String]

    package var url: String { origin + path + (query.isEmpty ? "" : "?\(query)") }

    package func header(_ name: String) -> String? { headers.value(of: name) }
}

/// An HTTP answer, its body capped at the configured size.
package struct Answer: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    package var seconds: Double

    package func header(_ name: String) -> String? { headers.value(of: name) }

    /// Media type without parameters, lower-cased.
    package var mediaType: String? {
        guard let value = header("Content-Type") else { return nil }
        var type = value.utf8.prefix { $0 != UInt8(ascii: ";") }[...]
        while let first = type.first, first == 0x20 || first == 0x09 { type = type.dropFirst() }
        while let last = type.last, last == 0x20 || last == 0x09 { type = type.dropLast() }
        guard type.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(Substring(type)) }
        return String(decoding: type.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Why no answer could be judged. Codable: a recording keeps why an exchange got no answer, and a replay gives the same.
package enum TransportError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    case timeout(seconds: Double)
    case unreachable(String)
    case bodyTooLarge(limit: Int)
    case failed(String)

    package var description: String {
        switch self {
        case .timeout(let seconds): return "no complete answer within \(seconds) s"
        case .unreachable(let detail): return detail
        case .bodyTooLarge(let limit): return "answer body larger than the \(limit)-byte cap"
        case .failed(let detail): return "exchange failed: \(detail)"
        }
    }
}

/// One request and what came of it, and when: a lifecycle's deadline is counted in its answers' times, so a recording
/// judged again decides as the run did.
package struct Exchange: Sendable {
    package var request: PreparedRequest
    package var outcome: Result<Answer, TransportError>
    package var started: Date
    package var finished: Date

    package init(request: PreparedRequest, outcome: Result<Answer, TransportError>, started: Date, finished: Date) {
        self.request = request
        self.outcome = outcome
        self.started = started
        self.finished = finished
    }

    /// An exchange that ended before anything was sent.
    init(unsent request: PreparedRequest, _ error: TransportError) {
        let now = Date()
        self.init(request: request, outcome: .failure(error), started: now, finished: now)
    }
}
