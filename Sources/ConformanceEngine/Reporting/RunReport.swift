import ConformanceModel
import Foundation

/// Everything a run produced, for the summary and the JUnit report.
package struct RunReport: Sendable {
    package init(
        profiles: [Profile], results: [CaseResult], leftOut: [(id: String, reason: String)] = [], targetName: String,
        targetLabels: [String: String], started: Date, seconds: Double
    ) {
        self.profiles = profiles
        self.results = results
        self.leftOut = leftOut
        self.targetName = targetName
        self.targetLabels = targetLabels
        self.started = started
        self.seconds = seconds
    }

    package let profiles: [Profile]
    package let results: [CaseResult]
    /// Cases the plan left out before the run because they do not apply to the target (also in `results`, skipped).
    package let leftOut: [(id: String, reason: String)]
    package let targetName: String
    package let targetLabels: [String: String]
    package let started: Date
    package let seconds: Double

    package var failed: Bool { results.contains { $0.verdict.isFailure } }
}
