import ConformanceTesting
import Testing

/// Every Oracle Analytics case against the server in `CONFORMANCE_CONFIG`: one call gives every family.
@Suite(.conformance)
struct OracleConformance {
    @Test("every Oracle case", arguments: ConformancePlan.current().arguments(api: "oracle"))
    func check(_ item: ConformanceCase) async throws { try await item.check() }
}
