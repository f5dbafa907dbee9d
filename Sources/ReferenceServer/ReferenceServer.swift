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
        /// Lifecycle speed-up; at 1 a lifecycle fixture finishes about two seconds after it is first asked about.
        public var timeScale: Double

        public init(host: String = "127.0.0.1", port: Int = 0, defects: Set<Defect> = [], timeScale: Double = 1) {
            self.host = host
            self.port = port
            self.defects = defects
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
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "conformance-reference"),
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
            case let .couldNotListen(host, port): return "the reference server could not listen on \(host):\(port)"
            }
        }
    }
}

/// A started server; `stop()` ends it and waits until it has.
public final class RunningServer: Sendable {
    public let host: String
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let stopping: StopSignal

    init(host: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>, stopping: StopSignal) {
        self.host = host
        self.port = port
        self.group = group
        self.task = task
        self.stopping = stopping
    }

    public var baseURL: String { "http://\(host):\(port)" }

    /// Graceful: the listener closes and answers in flight are finished first.
    public func stop() async {
        stopping.raise()
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Waits until the server ends (the `serve` command).
    public func wait() async throws {
        try await task.value
    }
}

/// Routes each request to the API whose path it names. An API whose profile was not given is not served
/// (its paths answer 404), since its input rules would be unknown.
struct Dispatcher: Sendable {
    let cloudControl: CloudControlAPI?
    let centuryLink: CenturyLinkAPI?
    let s3Control: S3ControlAPI?
    let codeCatalyst: CodeCatalystAPI?
    let oracle: OracleAPI?

    let stopping: StopSignal

    init(profiles: [Profile], options: ReferenceServer.Options, stopping: StopSignal) {
        self.stopping = stopping
        let auth = Authenticator(sessions: SessionStore())
        let clock = LifecycleClock(timeScale: options.timeScale)
        let defects = options.defects
        func rules(_ api: String) -> InputRules? {
            profiles.first { $0.api == api }.map(InputRules.init)
        }
        func served(_ api: String) -> Bool { profiles.contains { $0.api == api } }
        cloudControl = rules("cloudcontrol").map { CloudControlAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        centuryLink = rules("centurylink").map { CenturyLinkAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        s3Control = rules("s3control").map { S3ControlAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        codeCatalyst = rules("codecatalyst").map { CodeCatalystAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        oracle = served("oracle") ? OracleAPI(auth: auth, clock: clock, defects: defects) : nil
    }

    func respond(to request: Request) async -> Response {
        let wire = await WireRequest.read(request)
        var reply: Reply? = await cloudControl?.handle(wire)
        if reply == nil { reply = await centuryLink?.handle(wire) }
        if reply == nil { reply = await s3Control?.handle(wire) }
        if reply == nil { reply = await codeCatalyst?.handle(wire) }
        if reply == nil { reply = await oracle?.handle(wire) }
        let answer = reply ?? Reply.json(404, ["message": "No API of the reference server serves \(wire.method) \(wire.rawPath)"])
        if let delay = answer.delay { await stopping.sleep(upTo: delay) }
        return answer.response
    }
}

/// Lets a deliberately stalled answer end as soon as the server is asked to stop, so shutdown never waits on it.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }

    var isRaised: Bool { lock.withLock { raised } }

    func sleep(upTo limit: Duration) async {
        let end = ContinuousClock.now + limit
        while !isRaised, ContinuousClock.now < end {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
