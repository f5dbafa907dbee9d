import ConformanceModel
import Foundation

/// One API on the target with everything a request needs: where, who, and which ids.
package struct ResolvedTarget: Sendable {
    package var api: String
    package var baseURL: String
    package var region: String
    package var credentials: Credentials
    package var inputs: [String: String]
    package var fixtures: [String: [String: String]]
    package var formats: Set<WireFormat>?
    package var knownDivergences: [KnownDivergence]
    /// The session log-on path and cookie name when the target's differ from the profile's.
    package var logonPath: String?
    package var cookieName: String?
    /// What the report calls this target (URL, or "embedded reference server").
    package var label: String
    /// `host[:port]` as the Host header carries it, read from the base URL once.
    let hostHeader: String
    /// The base URL's path prefix ("" for none), which a SigV4 signature covers; read once.
    let pathPrefix: String
    package var pacing: Pacing
    /// Requests per second this target may be sent (`rateLimit`), if limited.
    package var rateLimit: Double?

    package init(api: String, target: TargetEntry, credentials: Credentials, label: String, pacing: Pacing) {
        self.pacing = pacing
        self.api = api
        baseURL = target.baseURL.hasSuffix("/") ? String(target.baseURL.dropLast()) : target.baseURL
        region = target.region ?? "us-east-1"
        self.credentials = credentials
        inputs = target.inputs
        fixtures = target.fixtures
        formats = target.formats.map(Set.init)
        knownDivergences = target.knownDivergences ?? []
        rateLimit = target.rateLimit
        logonPath = target.auth.logonPath
        cookieName = target.auth.cookieName
        self.label = label
        let url = URL(string: baseURL)
        let prefix = url?.path ?? ""
        pathPrefix = prefix == "/" ? "" : prefix
        hostHeader = url?.host.map { host in url?.port.map { "\(host):\($0)" } ?? host } ?? ""
    }

    /// Where this target logs on for a session (`session-cookie` auth).
    func logonPath(_ profile: Profile) -> String { logonPath ?? profile.auth.logonPath ?? "/" }

    /// The session cookie's name (`session-cookie` auth).
    func cookieName(_ profile: Profile) -> String { cookieName ?? profile.auth.cookieName ?? "session" }

}
