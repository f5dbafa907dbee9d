import ConformanceTesting
import Testing

extension Conformance {
    @Suite("CodeCatalyst: CodeCatalyst GetWorkflowRun")
    struct CodeCatalyst {
        @Test("inputs outside and on the edges of every documented rule", arguments: cases("codecatalyst", .input))
        func input(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("every documented error mapping", arguments: cases("codecatalyst", .errors))
        func errors(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("missing, unknown and malformed credentials", arguments: cases("codecatalyst", .auth))
        func auth(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("answers against the response model", arguments: cases("codecatalyst", .response))
        func response(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("progression to a terminal state", arguments: cases("codecatalyst", .lifecycle))
        func lifecycle(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
