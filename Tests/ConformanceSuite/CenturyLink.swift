import ConformanceTesting
import Testing

extension Conformance {
    @Suite("CenturyLink: CenturyLink v1 Queue/GetRequestStatus")
    struct CenturyLink {
        @Test(
            "every case of the profile: inputs, errors, credentials, answers, lifecycle",
            arguments: cases("centurylink"))
        func check(_ item: ConformanceCase) async throws {
            try await item.check()
        }
    }
}
