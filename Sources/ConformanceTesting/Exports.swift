import ConformanceEngine

// What a package writing its own conformance suite names, besides `ConformancePlan`, `ConformanceCase` and the
// `.conformance` trait; the engine behind them stays out of its namespace.

/// The kind of rule a case checks: one `@Test` per family and API.
public typealias CaseFamily = ConformanceEngine.CaseFamily
/// One derived case: id, API, family, what it checks.
public typealias DerivedCase = ConformanceEngine.DerivedCase
