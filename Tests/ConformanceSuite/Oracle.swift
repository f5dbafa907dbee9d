import ConformanceTesting
import Testing

extension Conformance {
    @Suite("Oracle: Oracle Analytics GetWorkRequest")
    struct Oracle {
        @Test("every case of the profile: inputs, errors, credentials, answers, lifecycle", arguments: cases("oracle"))
        func check(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
