import ConformanceModel
import Foundation

/// Resolves where each API is run: the configured target, or the embedded reference server (started here, on an
/// ephemeral 127.0.0.1 port) when there is no config or the config asks for it.
package final class PreparedTargets: Sendable {
    package let targets: [String: ResolvedTarget]
    /// API → why it is not run (not configured).
    package let unconfigured: [String: String]
    package let name: String
    private let stopEmbedded: (@Sendable () async -> Void)?

    init(
        targets: [String: ResolvedTarget], unconfigured: [String: String], name: String,
        stopEmbedded: (@Sendable () async -> Void)?
    ) {
        self.targets = targets
        self.unconfigured = unconfigured
        self.name = name
        self.stopEmbedded = stopEmbedded
    }

    /// Every secret the run holds, for redaction.
    package var secrets: [String] { targets.values.flatMap(\.credentials.secrets) }

    /// Stops the embedded server if this setup started one.
    package func shutdown() async {
        await stopEmbedded?()
    }

    /// The target an API will be run against, known before anything starts: what the Swift Testing suite needs at
    /// discovery time.
    package static func plannedTarget(api: String, config: TargetConfig?, embedded: (any EmbeddedTargets)?)
        -> APITarget?
    {
        if let configured = config?.apis[api] { return configured }
        guard config == nil || config?.embedded != nil else { return nil }
        return embedded?.planned().apis[api]
    }

    /// `config` nil means the embedded reference server for every API; `embedded` is nil where it is not built in.
    package static func prepare(
        config: TargetConfig?, file: String = "target config", profiles: [Profile],
        embedded: (any EmbeddedTargets)?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> PreparedTargets {
        var targets: [String: ResolvedTarget] = [:]
        var unconfigured: [String: String] = [:]
        for (api, target) in config?.apis ?? [:] {
            let credentials = try TargetConfigLoader.credentials(
                for: target, api: api, file: file, environment: environment)
            targets[api] = ResolvedTarget(
                api: api, target: target, credentials: credentials, label: target.baseURL,
                pacing: .live(target, config: config))
        }
        var stop: (@Sendable () async -> Void)?
        if let options = config == nil ? EmbeddedServer() : config?.embedded {
            guard let embedded else {
                throw ConfigurationError(
                    file: config == nil ? "target config" : file, field: config == nil ? "" : "embedded",
                    reason: config == nil
                        ? "none given, and the embedded reference server is not built in (package trait EmbeddedReferenceServer off): set CONFORMANCE_CONFIG or pass --config"
                        : "asks for the embedded reference server, which is not built in (package trait EmbeddedReferenceServer off)"
                )
            }
            let started = try await embedded.start(options, file: file, profiles: profiles)
            stop = started.stop
            let pacing = Pacing.embedded(lifecycleSeconds: started.lifecycleSeconds, config: config)
            for profile in profiles where targets[profile.api] == nil {
                guard let target = started.config.apis[profile.api] else { continue }
                targets[profile.api] = ResolvedTarget(
                    api: profile.api, target: target, credentials: started.credentials(profile.api),
                    label: started.label, pacing: pacing)
            }
        }
        for profile in profiles where targets[profile.api] == nil {
            unconfigured[profile.api] = "the target config does not configure \(profile.api)"
        }
        let name = config?.name ?? (config == nil ? "embedded reference server" : file)
        return PreparedTargets(targets: targets, unconfigured: unconfigured, name: name, stopEmbedded: stop)
    }
}
