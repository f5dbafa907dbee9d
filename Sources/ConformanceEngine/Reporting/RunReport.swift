import ConformanceModel
import Foundation

/// Everything a run produced, for the summary and the JUnit report.
public struct RunReport: Sendable {
    public init(profiles: [Profile], results: [CaseResult], targetName: String, targetLabels: [String: String], started: Date, seconds: Double) {
        self.profiles = profiles
        self.results = results
        self.targetName = targetName
        self.targetLabels = targetLabels
        self.started = started
        self.seconds = seconds
    }

    public let profiles: [Profile]
    public let results: [CaseResult]
    public let targetName: String
    public let targetLabels: [String: String]
    public let started: Date
    public let seconds: Double

    public var failed: Bool { results.contains { $0.verdict.isFailure } }
}
