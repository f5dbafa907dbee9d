import ConformanceModel
import Foundation

/// What a recorded run was, beside its exchanges: enough to build each case's request again without its config or
/// its credentials, and to judge it as the run did (`log._conformance` of the HAR).
package struct RecordedRun: Codable, Sendable {
    static let formatName = "async-status-conformance-recording/1"

    var format = Self.formatName
    var targetName: String
    var strict: Bool
    var retryFailed: Int
    /// API → the profile version the run's cases were derived from.
    package var profiles: [String: String]
    /// The cases the run was asked to run.
    package var cases: [String]
    var targets: [RecordedTarget]

    /// One API's target as the run resolved it, credentials aside.
    struct RecordedTarget: Codable, Sendable {
        var api: String
        var baseURL: String
        var region: String
        var label: String
        var inputs: [String: String]
        var fixtures: [String: [String: String]]
        var formats: [WireFormat]?
        var knownDivergences: [KnownDivergence]
        var logonPath: String?
        var cookieName: String?
        var pollIntervalSeconds: Double
        var lifecycleTimeoutSeconds: Double

        init(_ target: ResolvedTarget) {
            api = target.api
            baseURL = target.baseURL
            region = target.region
            label = target.label
            inputs = target.inputs
            fixtures = target.fixtures
            formats = target.formats.map { $0.sorted { $0.rawValue < $1.rawValue } }
            knownDivergences = target.knownDivergences
            logonPath = target.logonPath
            cookieName = target.cookieName
            pollIntervalSeconds = target.pacing.pollInterval.inSeconds
            lifecycleTimeoutSeconds = target.pacing.lifecycleTimeout
        }

        /// The target again, with stand-in credentials (the recording holds none, and a replay sends nothing) and no
        /// rate limit (nothing is sent).
        var resolved: ResolvedTarget {
            let target = TargetEntry(
                baseURL: baseURL, region: region, auth: AuthConfig(logonPath: logonPath, cookieName: cookieName),
                inputs: inputs, fixtures: fixtures, formats: formats, knownDivergences: knownDivergences)
            let mask = Redactor.mask
            return ResolvedTarget(
                api: api, target: target,
                credentials: Credentials(
                    accessKeyId: mask, secretAccessKey: mask, token: mask, apiKey: mask, password: mask),
                label: label,
                pacing: Pacing(
                    pollInterval: .milliseconds(Int64(pollIntervalSeconds * 1000)),
                    lifecycleTimeout: lifecycleTimeoutSeconds))
        }
    }
}

extension HAR {
    /// A recording read from `url`, refused with the file and the reason when it is not one this suite wrote.
    package static func read(_ url: URL) throws -> HAR {
        guard let data = try? Data(contentsOf: url) else {
            throw ConfigurationError(file: url.path, field: "", reason: "cannot be read")
        }
        let har: HAR
        do {
            har = try JSONDecoder().decode(HAR.self, from: data)
        } catch {
            throw ConfigurationError(
                file: url.path, field: "log._conformance",
                reason: "is not a recording of `conformance run --record` (\(error))")
        }
        guard har.log.run.format == RecordedRun.formatName else {
            throw ConfigurationError(
                file: url.path, field: "log._conformance.format",
                reason: "is '\(har.log.run.format)', not \(RecordedRun.formatName)")
        }
        return har
    }

    package func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        try ReportFiles.save(encoder.encode(self), to: url)
    }
}
