import ConformanceModel
import Foundation

/// A request exactly as it is sent: the path is already percent-encoded and is not normalised again.
public struct PreparedRequest: Sendable {
    public var method: String
    /// Scheme, host and port, plus any path prefix of the target's base URL.
    public var origin: String
    public var path: String
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The input values this request carries (absent: left out), for the invariants that compare answer to request.
    public var sent: [String: String]

    public var url: String { origin + path + (query.isEmpty ? "" : "?\(query)") }

    public func header(_ name: String) -> String? { headers.value(of: name) }
}

/// An HTTP answer, its body capped at the configured size.
public struct Answer: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var seconds: Double

    public func header(_ name: String) -> String? { headers.value(of: name) }

    /// Media type without parameters, lower-cased.
    public var mediaType: String? {
        header("Content-Type").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

/// Why no answer could be judged.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    case timeout(seconds: Double)
    case unreachable(String)
    case bodyTooLarge(limit: Int)
    case failed(String)

    public var description: String {
        switch self {
        case .timeout(let seconds): return "no complete answer within \(seconds) s"
        case .unreachable(let detail): return detail
        case .bodyTooLarge(let limit): return "answer body larger than the \(limit)-byte cap"
        case .failed(let detail): return "exchange failed: \(detail)"
        }
    }
}

/// One request and what came of it.
public struct Exchange: Sendable {
    public var request: PreparedRequest
    public var outcome: Result<Answer, TransportError>
}
