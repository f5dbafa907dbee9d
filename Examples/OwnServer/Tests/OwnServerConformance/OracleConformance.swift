import ConformanceTesting
import Testing

/// Every Oracle Analytics case against the server in `CONFORMANCE_CONFIG`.
@Suite(.conformance)
struct OracleConformance {
    @Test("inputs", arguments: ConformancePlan.current().arguments(api: "oracle", family: .input))
    func input(_ item: ConformanceCase) async throws { try await item.check() }

    @Test("documented errors", arguments: ConformancePlan.current().arguments(api: "oracle", family: .errors))
    func errors(_ item: ConformanceCase) async throws { try await item.check() }

    @Test("credentials", arguments: ConformancePlan.current().arguments(api: "oracle", family: .auth))
    func auth(_ item: ConformanceCase) async throws { try await item.check() }

    @Test("answers", arguments: ConformancePlan.current().arguments(api: "oracle", family: .response))
    func response(_ item: ConformanceCase) async throws { try await item.check() }

    @Test("lifecycle", arguments: ConformancePlan.current().arguments(api: "oracle", family: .lifecycle))
    func lifecycle(_ item: ConformanceCase) async throws { try await item.check() }
}
