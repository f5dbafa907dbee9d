import ConformanceTesting
import Testing

extension Conformance {
    @Suite("CloudControl: AWS Cloud Control GetResourceRequestStatus")
    struct CloudControl {
        @Test("inputs outside and on the edges of every documented rule", arguments: cases("cloudcontrol", .input))
        func input(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("every documented error mapping", arguments: cases("cloudcontrol", .errors))
        func errors(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("missing, unknown and malformed credentials", arguments: cases("cloudcontrol", .auth))
        func auth(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("answers against the response model", arguments: cases("cloudcontrol", .response))
        func response(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("progression to a terminal state", arguments: cases("cloudcontrol", .lifecycle))
        func lifecycle(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
