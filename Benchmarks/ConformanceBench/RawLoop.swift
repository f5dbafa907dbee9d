import AsyncHTTPClient
import ConformanceEngine
import Foundation
import NIOCore
import NIOHTTP1

/// The baseline: a plain AsyncHTTPClient loop (the suite's own HTTP library, configured as its driver is) sending
/// prepared requests and reading each whole body, with nothing else done per answer. Timed as the suite's run is:
/// from making the client to shutting it down.
enum RawLoop {
    static func rate(_ requests: [PreparedRequest], concurrency: Int) async -> Double {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled)
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for index in stride(from: worker, to: requests.count, by: concurrency) {
                        let request = requests[index]
                        var outgoing = HTTPClientRequest(url: request.url)
                        outgoing.method = HTTPMethod(rawValue: request.method)
                        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
                        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
                        if let response = try? await client.execute(outgoing, timeout: .seconds(10)) {
                            _ = try? await response.body.collect(upTo: 1 << 20)
                        }
                    }
                }
            }
        }
        try? await client.shutdown()
        let elapsed = ContinuousClock.now - start
        return Double(requests.count) / elapsed.inSeconds
    }
}
