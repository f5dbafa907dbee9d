import Foundation

/// Reads a target config and checks it against the profiles, so a typo is reported before any request is sent.
public enum TargetConfigLoader {
    /// `environment` gives the base URLs a config names by `baseURLEnv`.
    public static func load(
        _ url: URL, profiles: [Profile], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> TargetConfig {
        let file = url.path
        let data = try DataFileDecoder.read(url)
        var config = try DataFileDecoder.decode(TargetConfig.self, from: data, file: file)
        try TargetConfigKeys.check(data, file: file)
        for (api, target) in config.apis.sorted(by: { $0.key < $1.key }) {
            guard let name = target.baseURLEnv else { continue }
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigurationError(
                    file: file, field: "apis.\(api).baseURLEnv", reason: "environment variable \(name) is not set")
            }
            config.apis[api]?.baseURL = value
        }
        let byName = Dictionary(profiles.map { ($0.api, $0) }, uniquingKeysWith: { first, _ in first })
        for (api, target) in config.apis.sorted(by: { $0.key < $1.key }) where target.baseURL.isEmpty {
            guard let endpoint = byName[api]?.endpoint else {
                throw ConfigurationError(
                    file: file, field: "apis.\(api).baseURL",
                    reason:
                        "is required but missing (\(api) has no documented endpoint: every instance has its own host)")
            }
            switch endpoint.url(region: target.region ?? "us-east-1", inputs: target.inputs) {
            case .success(let url): config.apis[api]?.baseURL = url
            case .failure(let missing):
                throw ConfigurationError(
                    file: file, field: "apis.\(api).inputs.\(missing.name)",
                    reason: "is required to name the documented endpoint \(endpoint.template) (or give baseURL)")
            }
        }
        if let (field, what) = TargetConfigTemplate.unfilled(in: config) {
            throw ConfigurationError(
                file: file, field: field,
                reason:
                    "is still the placeholder `conformance init` wrote: fill in \(what), or remove the fixture role "
                    + "(its cases are then skipped, saying why)")
        }
        try validate(config, profiles: profiles, file: file)
        return config
    }

    /// The config checked against every profile, then narrowed to the APIs `selected` keeps: a run asked for some
    /// APIs (`--api`) may use a config that names more.
    public static func load(_ url: URL, profiles: [Profile], selecting selected: [Profile]) throws -> TargetConfig {
        var config = try load(url, profiles: profiles)
        config.apis = config.apis.filter { api, _ in selected.contains { $0.api == api } }
        return config
    }

    public static func validate(_ config: TargetConfig, profiles: [Profile], file: String) throws {
        let byName = Dictionary(uniqueKeysWithValues: profiles.map { ($0.api, $0) })
        func fail(_ field: String, _ reason: String) -> ConfigurationError {
            ConfigurationError(file: file, field: field, reason: reason)
        }
        if let timeout = config.timeoutSeconds, !(timeout > 0) {
            throw fail("timeoutSeconds", "must be a positive number of seconds")
        }
        if let cap = config.maxBodyBytes, !(1024...(1 << 30)).contains(cap) {
            throw fail("maxBodyBytes", "must be between 1024 and 1073741824")
        }
        if let timeout = config.lifecycleTimeoutSeconds, !(timeout > 0) {
            throw fail("lifecycleTimeoutSeconds", "must be a positive number of seconds")
        }
        for (api, target) in config.apis.sorted(by: { $0.key < $1.key }) {
            let at = "apis.\(api)"
            guard let profile = byName[api] else {
                throw fail(at, "names no API; known: \(byName.keys.sorted().joined(separator: ", "))")
            }
            guard let url = URL(string: target.baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw fail("\(at).baseURL", "must be an http or https URL, found '\(target.baseURL)'")
            }
            if let rate = target.rateLimit, !(rate > 0) {
                throw fail("\(at).rateLimit", "must be a positive number of requests per second")
            }
            if let interval = target.pollIntervalSeconds, !(interval > 0) {
                throw fail("\(at).pollIntervalSeconds", "must be a positive number of seconds")
            }
            let roles = Set(profile.fixtures.map(\.role))
            for role in target.fixtures.keys.sorted() where !roles.contains(role) {
                throw fail(
                    "\(at).fixtures.\(role)",
                    "is not a fixture role of \(api); roles: \(roles.sorted().joined(separator: ", "))")
            }
            let inputs = Set(profile.inputs.map(\.name))
            for name in target.inputs.keys.sorted() where !inputs.contains(name) {
                throw fail("\(at).inputs.\(name)", "is not an input of \(api)")
            }
            for (role, values) in target.fixtures {
                for name in values.keys.sorted() where !inputs.contains(name) {
                    throw fail("\(at).fixtures.\(role).\(name)", "is not an input of \(api)")
                }
            }
            for format in target.formats ?? [] where profile.format(format) == nil {
                throw fail("\(at).formats", "'\(format)' is not a format of \(api)")
            }
            let needed: [(String?, String)]
            switch profile.auth.scheme {
            case .sigv4:
                needed = [
                    (target.auth.accessKeyIdEnv, "accessKeyIdEnv"),
                    (target.auth.secretAccessKeyEnv, "secretAccessKeyEnv"),
                ]
            case .bearer: needed = [(target.auth.tokenEnv, "tokenEnv")]
            case .sessionCookie:
                needed = [(target.auth.apiKeyEnv, "apiKeyEnv"), (target.auth.passwordEnv, "passwordEnv")]
            }
            for (value, key) in needed where value?.isEmpty ?? true {
                throw fail(
                    "\(at).auth.\(key)",
                    "is required for \(profile.auth.scheme.rawValue) auth (the name of an environment variable)")
            }
        }
    }

    /// The credential variables `target` names that are unset or empty in `environment`, as `field: VARIABLE`.
    public static func unsetVariables(
        for target: TargetEntry, api: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        target.auth.credentialVariables.compactMap { key, name in
            guard (environment[name] ?? "").isEmpty else { return nil }
            return "apis.\(api).auth.\(key): \(name)"
        }
    }

    /// Reads the named environment variables; a missing one is a configuration error naming the variable.
    public static func credentials(
        for target: TargetEntry, api: String, file: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Credentials {
        var values: [String: String] = [:]
        for (key, name) in target.auth.credentialVariables {
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigurationError(
                    file: file, field: "apis.\(api).auth.\(key)", reason: "environment variable \(name) is not set")
            }
            values[key] = value
        }
        return Credentials(
            accessKeyId: values["accessKeyIdEnv"], secretAccessKey: values["secretAccessKeyEnv"],
            token: values["tokenEnv"], apiKey: values["apiKeyEnv"], password: values["passwordEnv"])
    }
}
