import ConformanceTesting
import Testing

extension Conformance {
    @Suite("CodeCatalyst: CodeCatalyst GetWorkflowRun")
    struct CodeCatalyst {
        @Test(
            "every case of the profile: inputs, errors, credentials, answers, lifecycle",
            arguments: cases("codecatalyst"))
        func check(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
