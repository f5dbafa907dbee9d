import ConformanceModel
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The embedded server that speaks all five APIs as documented: the suite's default target, and, with defects
/// switched on, the proof that each of the suite's checks can fail.
///
/// ```swift
/// let server = try await ReferenceServer.start(profiles: profiles)
/// defer { Task { await server.stop() } }
/// let config = ReferenceFixtures.targetConfig(baseURL: server.baseURL)
/// ```
public enum ReferenceServer {
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        public var defects: Set<Defect>
        /// Conforming ways of answering differently (see `Variation`).
        public var variations: Set<Variation>
        /// Lifecycle speed-up; at 1 a lifecycle fixture finishes two seconds after it is first asked about.
        public var timeScale: Double
        /// Where every request is logged as it arrives, when the caller wants the server's own account of a client's
        /// pace; none by default (a benchmark's millions of requests need no log).
        public var requestLog: RequestLog?

        /// Seconds from the first question about a lifecycle fixture to its end.
        public var lifecycleSeconds: Double { LifecycleClock.duration(timeScale: timeScale) }

        public init(
            host: String = "127.0.0.1", port: Int = 0, defects: Set<Defect> = [], variations: Set<Variation> = [],
            timeScale: Double = 1, requestLog: RequestLog? = nil
        ) {
            self.requestLog = requestLog
            self.host = host
            self.port = port
            self.defects = defects
            self.variations = variations
            self.timeScale = timeScale
        }
    }

    /// Starts the server in the background; returns once it listens.
    public static func start(profiles: [Profile], options: Options = Options()) async throws -> RunningServer {
        let stopping = StopSignal()
        let router = Dispatcher(profiles: profiles, options: options, stopping: stopping)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "conformance.reference-server")
        logger.logLevel = .error
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await router.respond(to: request) },
            configuration: .init(
                address: .hostname(options.host, port: options.port), serverName: "conformance-reference"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            _ = await task.result
            throw ServerError.couldNotListen(host: options.host, port: options.port)
        }
        return RunningServer(host: options.host, port: port, group: group, task: task, stopping: stopping)
    }

    public enum ServerError: Error, CustomStringConvertible {
        case couldNotListen(host: String, port: Int)
        public var description: String {
            switch self {
            case .couldNotListen(let host, let port): return "the reference server could not listen on \(host):\(port)"
            }
        }
    }
}
