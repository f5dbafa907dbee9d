import ConformanceModel
import Foundation

/// A run's results as a file (`results.json` beside its JUnit report): everything the JUnit report cannot hold (what
/// each case covers, whether the answer came from the operation, each finding apart), so `conformance report` can
/// merge shards into the report one run would have written, and set runs side by side.
package struct ResultsFile: Codable, Sendable {
    package static let formatName = "async-status-conformance-results/1"

    package var format: String
    package var targetName: String
    package var targetLabels: [String: String]
    package var started: Date
    package var seconds: Double
    /// `i/n` when the run was one shard of n.
    package var shard: String?
    /// API → profile version the cases were derived from.
    package var profiles: [String: String]
    package var results: [CaseResult]
    package var leftOut: [LeftOut]

    package struct LeftOut: Codable, Sendable {
        package var id: String
        package var reason: String
    }

    package init(_ report: RunReport, shard: Shard? = nil) {
        format = Self.formatName
        targetName = report.targetName
        targetLabels = report.targetLabels
        started = report.started
        seconds = report.seconds
        self.shard = shard?.description
        profiles = report.profiles.versions
        results = report.results
        leftOut = report.leftOut.map { LeftOut(id: $0.id, reason: $0.reason) }
    }

    package func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try ReportFiles.save(encoder.encode(self), to: url)
    }

    /// The results of `url`, or of the results file beside it when `url` is a JUnit report this suite wrote. Refused
    /// with the reason when it is not such a file or was derived from other profile versions than `profiles`.
    package static func read(_ url: URL, profiles: [Profile]) throws -> ResultsFile {
        let file = url.pathExtension == "xml" ? ReportFiles(junit: url).results : url
        guard let data = try? Data(contentsOf: file) else {
            let beside =
                file == url ? "" : " (the results file `conformance run` writes beside \(url.lastPathComponent))"
            throw ConfigurationError(file: file.path, field: "", reason: "cannot be read\(beside)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let read: ResultsFile
        do {
            read = try decoder.decode(ResultsFile.self, from: data)
        } catch {
            throw ConfigurationError(
                file: file.path, field: "", reason: "is not a results file of this suite (\(error))")
        }
        guard read.format == formatName else {
            throw ConfigurationError(file: file.path, field: "format", reason: "is '\(read.format)', not \(formatName)")
        }
        for profile in profiles {
            if let version = read.profiles[profile.api], version != profile.profileVersion {
                throw ConfigurationError(
                    file: file.path, field: "profiles.\(profile.api)",
                    reason: "the run used profile \(version), these profiles are \(profile.profileVersion)")
            }
        }
        return read
    }

    /// The report this file holds, for `profiles`.
    package func report(profiles: [Profile]) -> RunReport {
        RunReport(
            profiles: profiles.filter { self.profiles[$0.api] != nil }, results: results,
            leftOut: leftOut.map { ($0.id, $0.reason) }, targetName: targetName, targetLabels: targetLabels,
            started: started, seconds: seconds)
    }
}
