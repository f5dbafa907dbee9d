import ConformanceModel
import Foundation
import ReferenceServer

/// Resolves where each API is run: the configured target, or the embedded reference server (started here, on an
/// ephemeral 127.0.0.1 port) when there is no config or the config asks for it.
public final class PreparedTargets: Sendable {
    public let targets: [String: ResolvedTarget]
    /// API → why it is not run (not configured).
    public let unconfigured: [String: String]
    public let name: String
    private let server: RunningServer?

    init(targets: [String: ResolvedTarget], unconfigured: [String: String], name: String, server: RunningServer?) {
        self.targets = targets
        self.unconfigured = unconfigured
        self.name = name
        self.server = server
    }

    /// Every secret the run holds, for redaction.
    public var secrets: [String] { targets.values.flatMap(\.credentials.secrets) }

    /// Stops the embedded server if this setup started one.
    public func shutdown() async {
        await server?.stop()
    }

    /// The target an API will be run against, known before anything starts (the embedded server's port is not
    /// known yet, so its base URL is a placeholder): what the Swift Testing suite needs at discovery time.
    public static func plannedTarget(api: String, config: TargetConfig?) -> APITarget? {
        if let configured = config?.apis[api] { return configured }
        guard config == nil || config?.embedded != nil else { return nil }
        return ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:0").apis[api]
    }

    /// The embedded server's clock: a lifecycle lasts 160 ms, long enough for eight polls and short enough that a
    /// whole run takes about a second. A config's `embedded.timeScale` overrides it.
    static let embeddedTimeScale = 12.5

    /// `config` nil means the embedded reference server for every API.
    public static func prepare(config: TargetConfig?, file: String = "target config", profiles: [Profile],
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> PreparedTargets {
        let embeddedOptions: EmbeddedServer? = config == nil ? EmbeddedServer() : config?.embedded
        var targets: [String: ResolvedTarget] = [:]
        var unconfigured: [String: String] = [:]
        for (api, target) in config?.apis ?? [:] {
            let credentials = try TargetConfigLoader.credentials(for: target, api: api, file: file, environment: environment)
            targets[api] = ResolvedTarget(api: api, target: target, credentials: credentials, label: target.baseURL,
                                          pacing: .live(target, config: config))
        }
        var server: RunningServer?
        if let embeddedOptions {
            var defects: Set<Defect> = []
            for (index, name) in embeddedOptions.defects.enumerated() {
                guard let defect = Defect(rawValue: name) else {
                    throw ConfigurationError(file: file, field: "embedded.defects[\(index)]",
                                             reason: "'\(name)' is not a defect; `conformance serve --list-defects` lists them")
                }
                defects.insert(defect)
            }
            var variations: Set<Variation> = []
            for (index, name) in (embeddedOptions.variations ?? []).enumerated() {
                guard let variation = Variation(rawValue: name) else {
                    throw ConfigurationError(file: file, field: "embedded.variations[\(index)]",
                                             reason: "'\(name)' is not a variation; `conformance serve --list-variations` lists them")
                }
                variations.insert(variation)
            }
            let options = ReferenceServer.Options(defects: defects, variations: variations,
                                                  timeScale: embeddedOptions.timeScale ?? embeddedTimeScale)
            let started = try await ReferenceServer.start(profiles: profiles, options: options)
            let pacing = Pacing.embedded(lifecycleSeconds: options.lifecycleSeconds, config: config)
            server = started
            let embedded = ReferenceFixtures.targetConfig(baseURL: started.baseURL)
            var label = "embedded reference server"
            if !defects.isEmpty { label += " with defects \(defects.map(\.rawValue).sorted().joined(separator: ", "))" }
            if !variations.isEmpty { label += " with variations \(variations.map(\.rawValue).sorted().joined(separator: ", "))" }
            for profile in profiles where targets[profile.api] == nil {
                guard let target = embedded.apis[profile.api] else { continue }
                targets[profile.api] = ResolvedTarget(api: profile.api, target: target,
                                                      credentials: ReferenceFixtures.credentials(for: profile.api), label: label, pacing: pacing)
            }
        }
        for profile in profiles where targets[profile.api] == nil {
            unconfigured[profile.api] = "the target config does not configure \(profile.api)"
        }
        let name = config?.name ?? (config == nil ? "embedded reference server" : file)
        return PreparedTargets(targets: targets, unconfigured: unconfigured, name: name, server: server)
    }
}
