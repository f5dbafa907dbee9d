/// A package that runs these cases imports only `ConformanceTesting`; the types its API speaks in (`CheckFamily`,
/// `DerivedCase`, `CaseResult`) come along.
@_exported import ConformanceEngine
