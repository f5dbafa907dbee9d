import ConformanceModel
import Foundation

/// The targets of one run, prepared: each API's `ResolvedTarget` — from its `TargetEntry` in the config, or the
/// embedded reference server (started here, on an ephemeral 127.0.0.1 port) when there is no config or the config
/// asks for it — and what stops that server. The three target nouns: an entry is what a config says of one API, a
/// resolved target is everything a request needs, a target set is a run's, and owns shutting down what it started.
package final class TargetSet: Sendable {
    package let resolved: [String: ResolvedTarget]
    /// API → why it is not run (not configured).
    package let unconfigured: [String: String]
    package let name: String
    private let stopEmbedded: (@Sendable () async -> Void)?

    init(
        resolved: [String: ResolvedTarget], unconfigured: [String: String], name: String,
        stopEmbedded: (@Sendable () async -> Void)?
    ) {
        self.resolved = resolved
        self.unconfigured = unconfigured
        self.name = name
        self.stopEmbedded = stopEmbedded
    }

    /// Every secret the run holds, for redaction.
    package var secrets: [String] { resolved.values.flatMap(\.credentials.secrets) }

    /// Stops the embedded server if this setup started one.
    package func shutdown() async {
        await stopEmbedded?()
    }

    /// The target an API will be run against, known before anything starts: what the Swift Testing suite needs at
    /// discovery time.
    package static func plannedTarget(api: String, config: TargetConfig?, embedded: (any EmbeddedServerLauncher)?)
        -> TargetEntry?
    {
        if let configured = config?.apis[api] { return configured }
        guard config == nil || config?.embedded != nil else { return nil }
        return embedded?.planned().apis[api]
    }

    /// `config` nil means the embedded reference server for every API; `embedded` is nil where it is not built in.
    package static func prepare(
        config: TargetConfig?, file: String = "target config", profiles: [Profile],
        embedded: (any EmbeddedServerLauncher)?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> TargetSet {
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
        if let options = config == nil ? EmbeddedOptions() : config?.embedded {
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
        return TargetSet(resolved: targets, unconfigured: unconfigured, name: name, stopEmbedded: stop)
    }
}
