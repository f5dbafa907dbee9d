/// Where and how to reach each API, read from `--config FILE` or `CONFORMANCE_CONFIG`.
///
/// ```json
/// { "apis": { "codecatalyst": { "baseURL": "https://codecatalyst.global.api.aws",
///     "auth": { "tokenEnv": "CODECATALYST_TOKEN" },
///     "inputs": { "spaceName": "MySpace", "projectName": "MyProject" },
///     "fixtures": { "succeeded": { "id": "…" } } } } }
/// ```
/// Credentials are never in the file: it names the environment variables that hold them.
public struct TargetConfig: Codable, Sendable {
    public var name: String?
    /// Per-request timeout (default 10 s).
    public var timeoutSeconds: Double?
    /// Largest response body read (default 1 MiB); a larger one is an error verdict, not a crash.
    public var maxBodyBytes: Int?
    /// How long a lifecycle case polls, from its first answer, before it fails (default 20 s; the embedded server's
    /// simulated lifecycles need about five of their own durations).
    public var lifecycleTimeoutSeconds: Double?
    /// Warnings (broken recommended rules) fail their case, as `--strict` does.
    public var strict: Bool?
    public var apis: [String: TargetEntry]
    /// Starts the embedded reference server (with these defects) for every API not listed in `apis`.
    public var embedded: EmbeddedOptions?

    public init(
        name: String? = nil, timeoutSeconds: Double? = nil, maxBodyBytes: Int? = nil,
        lifecycleTimeoutSeconds: Double? = nil, strict: Bool? = nil, apis: [String: TargetEntry],
        embedded: EmbeddedOptions? = nil
    ) {
        self.strict = strict
        self.name = name
        self.timeoutSeconds = timeoutSeconds
        self.maxBodyBytes = maxBodyBytes
        self.lifecycleTimeoutSeconds = lifecycleTimeoutSeconds
        self.apis = apis
        self.embedded = embedded
    }
}

public struct EmbeddedOptions: Codable, Sendable, Hashable {
    public var defects: [String]
    /// Conforming ways of answering differently (`conformance serve --list-variations`).
    public var variations: [String]?
    /// Lifecycle speed-up: 1 runs a fixture through its states in about two seconds.
    public var timeScale: Double?

    public init(defects: [String] = [], variations: [String]? = nil, timeScale: Double? = nil) {
        self.defects = defects
        self.variations = variations
        self.timeScale = timeScale
    }
}

/// One API on one target.
public struct TargetEntry: Codable, Sendable {
    /// Scheme, host, port and any path prefix of the API (`https://codecatalyst.global.api.aws`).
    public var baseURL: String
    /// An environment variable holding the base URL instead (a port or host that changes per run); read when the
    /// config is loaded, and refused there if it is not set.
    public var baseURLEnv: String?
    /// The SigV4 signing region (default `us-east-1`).
    public var region: String?
    public var auth: AuthConfig
    /// Default values for inputs that are not the request id (space, project, account id).
    public var inputs: [String: String]
    /// Fixture role → input values; a role the target does not fill skips its cases with the reason.
    public var fixtures: [String: [String: String]]
    /// Formats this target serves; default all of the profile's.
    public var formats: [WireFormat]?
    public var knownDivergences: [KnownDivergence]?
    /// Seconds between the polls of a lifecycle case (default 1 s): a live service's operations take seconds, and
    /// polling faster only earns throttling.
    public var pollIntervalSeconds: Double?
    /// Requests per second the suite sends this API at most (`--rate` overrides it for every API).
    public var rateLimit: Double?

    /// `inputs` and `fixtures` may be left out; `baseURL` may be, when `baseURLEnv` names where it is or the profile
    /// documents the live endpoint.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        baseURLEnv = try container.decodeIfPresent(String.self, forKey: .baseURLEnv)
        // Absent: from baseURLEnv, or the profile's documented endpoint (filled in when the config is loaded).
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL) ?? ""
        region = try container.decodeIfPresent(String.self, forKey: .region)
        auth = try container.decode(AuthConfig.self, forKey: .auth)
        inputs = try container.decodeIfPresent([String: String].self, forKey: .inputs) ?? [:]
        fixtures = try container.decodeIfPresent([String: [String: String]].self, forKey: .fixtures) ?? [:]
        formats = try container.decodeIfPresent([WireFormat].self, forKey: .formats)
        knownDivergences = try container.decodeIfPresent([KnownDivergence].self, forKey: .knownDivergences)
        pollIntervalSeconds = try container.decodeIfPresent(Double.self, forKey: .pollIntervalSeconds)
        rateLimit = try container.decodeIfPresent(Double.self, forKey: .rateLimit)
    }

    public init(
        baseURL: String, region: String? = nil, auth: AuthConfig, inputs: [String: String] = [:],
        fixtures: [String: [String: String]] = [:], formats: [WireFormat]? = nil,
        knownDivergences: [KnownDivergence]? = nil,
        pollIntervalSeconds: Double? = nil
    ) {
        self.pollIntervalSeconds = pollIntervalSeconds
        self.baseURL = baseURL
        self.region = region
        self.auth = auth
        self.inputs = inputs
        self.fixtures = fixtures
        self.formats = formats
        self.knownDivergences = knownDivergences
    }
}

/// Names of environment variables holding credentials. For the embedded server, credentials are handed over in
/// memory (`Credentials`), never written anywhere.
public struct AuthConfig: Codable, Sendable {
    public var accessKeyIdEnv: String?
    public var secretAccessKeyEnv: String?
    public var tokenEnv: String?
    public var apiKeyEnv: String?
    public var passwordEnv: String?
    /// CenturyLink: the log-on path, when the target's differs from the profile's (`/REST/Auth/Logon`).
    public var logonPath: String?
    /// CenturyLink: the session cookie's name, when the target's differs from the profile's (`Tier3.API.Cookie`).
    public var cookieName: String?

    public init(
        accessKeyIdEnv: String? = nil, secretAccessKeyEnv: String? = nil, tokenEnv: String? = nil,
        apiKeyEnv: String? = nil, passwordEnv: String? = nil, logonPath: String? = nil, cookieName: String? = nil
    ) {
        self.accessKeyIdEnv = accessKeyIdEnv
        self.secretAccessKeyEnv = secretAccessKeyEnv
        self.tokenEnv = tokenEnv
        self.apiKeyEnv = apiKeyEnv
        self.passwordEnv = passwordEnv
        self.logonPath = logonPath
        self.cookieName = cookieName
    }
}

extension AuthConfig {
    /// The environment variables named for credentials, each with the key that names it, in the order they are read.
    var credentialVariables: [(key: String, name: String)] {
        [
            ("accessKeyIdEnv", accessKeyIdEnv), ("secretAccessKeyEnv", secretAccessKeyEnv), ("tokenEnv", tokenEnv),
            ("apiKeyEnv", apiKeyEnv), ("passwordEnv", passwordEnv),
        ].compactMap { key, name in name.map { (key, $0) } }
    }
}

/// Cases (globs over case ids) expected to fail on this target, and why; reported as such, never hidden.
public struct KnownDivergence: Codable, Sendable, Hashable {
    public var cases: [String]
    public var reason: String

    public init(cases: [String], reason: String) {
        self.cases = cases
        self.reason = reason
    }
}
