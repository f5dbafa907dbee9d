import ConformanceModel
import Foundation

/// Joins the reports of shards (`conformance report --merge`) into the report one unsharded run would have written:
/// every case once, in derivation order, left-out cases kept, times summed.
package enum ShardMerge {
    /// `names` say where each part came from, for the errors.
    package static func merge(_ parts: [ResultsFile], names: [String], profiles: [Profile]) throws -> RunReport {
        guard let first = parts.first else {
            throw ConfigurationError(file: "report --merge", field: "", reason: "needs at least one run to merge")
        }
        var seen: [String: String] = [:]
        var results: [CaseResult] = []
        var leftOut: [(id: String, reason: String)] = []
        for (part, name) in zip(parts, names) {
            for result in part.results {
                if let other = seen[result.testCase.id] {
                    throw ConfigurationError(
                        file: name, field: "",
                        reason: "case \(result.testCase.id) is also in \(other): not shards of one run")
                }
                seen[result.testCase.id] = name
                results.append(result)
            }
            leftOut += part.leftOut.map { ($0.id, $0.reason) }
        }
        let order = CaseOrder(CaseDeriver.derive(profiles).map(\.id))
        results = order.sorted(results) { $0.testCase.id }
        leftOut = order.sorted(leftOut) { $0.id }
        var labels: [String: String] = [:]
        var versions: [String: String] = [:]
        for part in parts {
            labels.merge(part.targetLabels) { first, _ in first }
            versions.merge(part.profiles) { first, _ in first }
        }
        return RunReport(
            profiles: profiles.filter { versions[$0.api] != nil }, results: results, leftOut: leftOut,
            targetName: first.targetName, targetLabels: labels, started: parts.map(\.started).min() ?? first.started,
            seconds: parts.map(\.seconds).reduce(0, +))
    }
}
