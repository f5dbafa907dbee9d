import ConformanceTesting
import Testing

extension Conformance {
    @Suite("CenturyLink: CenturyLink v1 Queue/GetRequestStatus")
    struct CenturyLink {
        @Test("inputs outside and on the edges of every documented rule", arguments: cases("centurylink", .input))
        func input(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("every documented error mapping", arguments: cases("centurylink", .errors))
        func errors(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("missing, unknown and malformed credentials", arguments: cases("centurylink", .auth))
        func auth(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("answers against the response model", arguments: cases("centurylink", .response))
        func response(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("progression to a terminal state", arguments: cases("centurylink", .lifecycle))
        func lifecycle(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
