import ConformanceTesting
import Testing

extension Conformance {
    @Suite("CloudControl: AWS Cloud Control GetResourceRequestStatus")
    struct CloudControl {
        @Test(
            "every case of the profile: inputs, errors, credentials, answers, lifecycle",
            arguments: cases("cloudcontrol"))
        func check(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
