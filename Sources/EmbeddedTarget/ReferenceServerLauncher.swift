import ConformanceEngine
import ConformanceModel
import ReferenceServer

/// The embedded default: the reference server on an ephemeral 127.0.0.1 port, with the fixtures and credentials it
/// serves. The one place the CLI and `ConformanceTesting` get it from.
package struct ReferenceServerLauncher: EmbeddedServerLauncher {
    /// The embedded server's clock: a lifecycle lasts 160 ms, long enough for eight polls and short enough that a
    /// whole run takes about a second. A config's `embedded.timeScale` overrides it.
    package static let timeScale = 12.5

    package init() {}

    package func planned() -> TargetConfig {
        ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:0")
    }

    package func start(_ options: EmbeddedOptions, file: String, profiles: [Profile]) async throws
        -> StartedEmbeddedServer
    {
        var defects: Set<Defect> = []
        for (index, name) in options.defects.enumerated() {
            guard let defect = Defect(rawValue: name) else {
                throw ConfigurationError(
                    file: file, field: "embedded.defects[\(index)]",
                    reason: "'\(name)' is not a defect; `conformance serve --list-defects` lists them")
            }
            defects.insert(defect)
        }
        var variations: Set<Variation> = []
        for (index, name) in (options.variations ?? []).enumerated() {
            guard let variation = Variation(rawValue: name) else {
                throw ConfigurationError(
                    file: file, field: "embedded.variations[\(index)]",
                    reason: "'\(name)' is not a variation; `conformance serve --list-variations` lists them")
            }
            variations.insert(variation)
        }
        let serverOptions = ReferenceServer.Options(
            defects: defects, variations: variations,
            timeScale: options.timeScale ?? Self.timeScale)
        let server = try await ReferenceServer.start(profiles: profiles, options: serverOptions)
        var label = "embedded reference server"
        if !defects.isEmpty { label += " with defects \(defects.map(\.rawValue).sorted().joined(separator: ", "))" }
        if !variations.isEmpty {
            label += " with variations \(variations.map(\.rawValue).sorted().joined(separator: ", "))"
        }
        return StartedEmbeddedServer(
            config: ReferenceFixtures.targetConfig(baseURL: server.baseURL),
            credentials: { api in
                profiles.first { $0.api == api }.map(ReferenceFixtures.credentials(for:)) ?? Credentials()
            }, label: label,
            lifecycleSeconds: serverOptions.lifecycleSeconds, stop: { await server.stop() })
    }
}
