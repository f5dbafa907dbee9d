import Foundation
import ServiceLifecycle

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
