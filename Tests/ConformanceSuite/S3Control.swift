import ConformanceTesting
import Testing

extension Conformance {
    @Suite("S3Control: S3 Control DescribeMultiRegionAccessPointOperation")
    struct S3Control {
        @Test("inputs outside and on the edges of every documented rule", arguments: cases("s3control", .input))
        func input(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("every documented error mapping", arguments: cases("s3control", .errors))
        func errors(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("missing, unknown and malformed credentials", arguments: cases("s3control", .auth))
        func auth(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("answers against the response model", arguments: cases("s3control", .response))
        func response(_ item: ConformanceCase) async throws {
            try await item.check()
        }

        @Test("progression to a terminal state", arguments: cases("s3control", .lifecycle))
        func lifecycle(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
