import ConformanceTesting
import Testing

/// The conformance suite: every derived case of the five APIs against the embedded reference server, or against the
/// target in `CONFORMANCE_CONFIG`. `swift test --filter CodeCatalyst` picks one API; `CONFORMANCE_CASES=<glob>`
/// picks case ids. The project's JUnit report (one testcase per case) is written to `reports/junit.xml` at the end.
@Suite(.conformance)
struct Conformance {}

/// Shorthand for a family's arguments in the current plan.
func cases(_ api: String, _ family: CheckFamily) -> [ConformanceCase] {
    ConformancePlan.current().arguments(api: api, family: family)
}
