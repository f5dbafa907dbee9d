import ConformanceTesting
import Testing

extension Conformance {
    @Suite("Oracle: Oracle Analytics GetWorkRequest")
    struct Oracle {
        @Test("inputs outside and on the edges of every documented rule", arguments: cases("oracle", .input))
        func input(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("every documented error mapping", arguments: cases("oracle", .errors))
        func errors(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("missing, unknown and malformed credentials", arguments: cases("oracle", .auth))
        func auth(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("answers against the response model", arguments: cases("oracle", .response))
        func response(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("progression to a terminal state", arguments: cases("oracle", .lifecycle))
        func lifecycle(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
