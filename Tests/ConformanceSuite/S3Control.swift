import ConformanceTesting
import Testing

extension Conformance {
    @Suite("S3Control: S3 Control DescribeMultiRegionAccessPointOperation")
    struct S3Control {
        @Test(
            "every case of the profile: inputs, errors, credentials, answers, lifecycle", arguments: cases("s3control"))
        func check(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
