import ConformanceTesting
import Testing

/// The conformance suite: every derived case of the five APIs against the embedded reference server, or against the
/// target in `CONFORMANCE_CONFIG`. `swift test --filter CodeCatalyst` picks one API; `CONFORMANCE_CASES=<glob>`
/// picks case ids. The project's JUnit report (one testcase per case) is written to `reports/junit.xml` at the end.
@Suite(.conformance)
struct Conformance {}

/// Every case of an API in the current plan (`arguments(api:family:)` picks one family).
func cases(_ api: String) -> [ConformanceCase] {
    ConformancePlan.current().arguments(api: api)
}
