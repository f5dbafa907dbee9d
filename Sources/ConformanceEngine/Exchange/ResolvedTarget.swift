import ConformanceModel
import Foundation

/// One API on the target with everything a request needs: where, who, and which ids.
public struct ResolvedTarget: Sendable {
    public var api: String
    public var baseURL: String
    public var region: String
    public var credentials: Credentials
    public var inputs: [String: String]
    public var fixtures: [String: [String: String]]
    public var formats: Set<WireFormat>?
    public var knownDivergences: [KnownDivergence]
    /// The session log-on path when the target's differs from the profile's.
    public var logonPath: String?
    /// What the report calls this target (URL, or "embedded reference server").
    public var label: String
    public var pacing: Pacing

    public init(api: String, target: APITarget, credentials: Credentials, label: String, pacing: Pacing) {
        self.pacing = pacing
        self.api = api
        baseURL = target.baseURL.hasSuffix("/") ? String(target.baseURL.dropLast()) : target.baseURL
        region = target.region ?? "us-east-1"
        self.credentials = credentials
        inputs = target.inputs
        fixtures = target.fixtures
        formats = target.formats.map(Set.init)
        knownDivergences = target.knownDivergences ?? []
        logonPath = target.auth.logonPath
        self.label = label
    }

    /// Where this target logs on for a session (`session-cookie` auth).
    func logonPath(_ profile: Profile) -> String { logonPath ?? profile.auth.logonPath ?? "/" }

    /// `host[:port]` as the Host header carries it.
    var hostHeader: String {
        guard let url = URL(string: baseURL), let host = url.host else { return "" }
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
