import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends prepared requests as they are: no redirects followed, no decompression, a deadline per request and a cap
/// on the body read, so a slow, huge or broken answer becomes a `TransportError`, never a hang or a crash.
package final class HTTPDriver: Sendable {
    private let client: HTTPClient
    private let unreachable = UnreachableOrigins()
    let timeout: Double
    let maxBodyBytes: Int
    /// `timeout` as the two clocks an exchange is measured by.
    private let limit: Duration
    private let headLimit: TimeAmount

    package init(timeout: Double = 10, maxBodyBytes: Int = 1 << 20) {
        let milliseconds = Int64(timeout * 1000)
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled)
        configuration.timeout = .init(connect: .seconds(5), read: .milliseconds(milliseconds))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        limit = .milliseconds(milliseconds)
        headLimit = .milliseconds(milliseconds)
    }

    package func shutdown() async {
        try? await client.shutdown()
    }

    package func send(_ request: PreparedRequest) async -> Exchange {
        if let earlier = unreachable.reason(for: request.origin) {
            return Exchange(
                unsent: request, .unreachable("\(earlier) (an earlier request in this run could not connect)"))
        }
        let exchange = await attempt(request)
        if case .failure(.unreachable(let detail)) = exchange.outcome { unreachable.record(request.origin, detail) }
        return exchange
    }

    private func attempt(_ request: PreparedRequest) async -> Exchange {
        let started = ContinuousClock.now
        let date = Date()
        let outcome: Result<Answer, TransportError>
        do {
            outcome = .success(try await fetch(request, started: started))
        } catch is BodyTooLarge {
            outcome = .failure(.bodyTooLarge(limit: maxBodyBytes))
        } catch is DeadlinePassed {
            outcome = .failure(.timeout(seconds: timeout))
        } catch let error as HTTPClientError {
            outcome = .failure(Self.classify(error, timeout: timeout, origin: request.origin))
        } catch {
            outcome = .failure(Self.classify(error, origin: request.origin))
        }
        let finished = date.addingTimeInterval((ContinuousClock.now - started).inSeconds)
        return Exchange(request: request, outcome: outcome, started: date, finished: finished)
    }

    /// The whole exchange, body included, must finish within the timeout. AsyncHTTPClient's deadline covers the head;
    /// a body that stops coming trips the idle read timeout; a body trickled a byte at a time (which never trips it)
    /// is stopped at the first piece that arrives after the deadline. No timer task per request: that cost more than
    /// the rest of the exchange's own work.
    private func fetch(_ request: PreparedRequest, started: ContinuousClock.Instant) async throws -> Answer {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let response = try await client.execute(outgoing, deadline: .now() + headLimit)
        var body: [UInt8] = []
        for try await piece in response.body {
            guard body.count + piece.readableBytes <= maxBodyBytes else { throw BodyTooLarge() }
            body += piece.readableBytesView
            if ContinuousClock.now - started > limit { throw DeadlinePassed() }
        }
        return Answer(
            status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: body, seconds: (ContinuousClock.now - started).inSeconds)
    }

    private struct DeadlinePassed: Error {}
    private struct BodyTooLarge: Error {}

    private static func classify(_ error: HTTPClientError, timeout: Double, origin: String) -> TransportError {
        switch error {
        case .deadlineExceeded, .readTimeout: return .timeout(seconds: timeout)
        case .connectTimeout: return .unreachable("no connection to \(hostAndPort(origin)) within the connect timeout")
        case .remoteConnectionClosed: return .failed("the target closed the connection before answering")
        default: return .failed(String(describing: error))
        }
    }

    /// Refused connections surface as NIO errors whose text is the only stable signal; the report says it in words.
    private static func classify(_ error: any Error, origin: String) -> TransportError {
        let text = String(describing: error)
        if text.contains("Connection refused") { return .unreachable("connection refused by \(hostAndPort(origin))") }
        if text.contains("connectTimeout") {
            return .unreachable("no connection to \(hostAndPort(origin)) within the connect timeout")
        }
        return .failed(text)
    }

    /// `127.0.0.1:9` from `http://127.0.0.1:9/prefix`.
    private static func hostAndPort(_ origin: String) -> String {
        let afterScheme = origin.range(of: "://").map { String(origin[$0.upperBound...]) } ?? origin
        return String(afterScheme.prefix { $0 != "/" })
    }
}

/// Origins that refused a connection in this run. AsyncHTTPClient retries a refused connection until its connect
/// timeout, so without this memory a target that is down would cost every case that timeout.
private final class UnreachableOrigins: Sendable {
    private let reasons = Mutex<[String: String]>([:])

    func reason(for origin: String) -> String? { reasons.withLock { $0[origin] } }

    func record(_ origin: String, _ reason: String) { reasons.withLock { $0[origin] = reason } }
}
