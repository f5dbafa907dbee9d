import ConformanceModel

/// Where the suite runs when no config names a target (or a config asks for `embedded`): the reference server.
/// The engine knows only this protocol, so a package that tests its own server can leave the server out of its
/// build (the `EmbeddedReferenceServer` trait); the `EmbeddedTarget` module implements it.
package protocol EmbeddedServerLauncher: Sendable {
    /// Each API's target as the embedded server serves it, known before it starts (the base URL is a placeholder):
    /// what the Swift Testing suite needs at discovery time to leave out cases that cannot apply.
    func planned() -> TargetConfig

    /// Starts the server for `profiles`; a defect or variation name it does not know is a configuration error
    /// naming `file`.
    func start(_ options: EmbeddedOptions, file: String, profiles: [Profile]) async throws -> StartedEmbeddedServer
}

/// A started embedded server: its targets and the credentials it accepts, and how to stop it.
package struct StartedEmbeddedServer: Sendable {
    package var config: TargetConfig
    package var credentials: @Sendable (String) -> Credentials
    /// What reports call it, with its defects and variations.
    package var label: String
    /// How long one of its lifecycles lasts, which sets how often they are polled.
    package var lifecycleSeconds: Double
    package var stop: @Sendable () async -> Void

    package init(
        config: TargetConfig, credentials: @escaping @Sendable (String) -> Credentials, label: String,
        lifecycleSeconds: Double, stop: @escaping @Sendable () async -> Void
    ) {
        self.config = config
        self.credentials = credentials
        self.label = label
        self.lifecycleSeconds = lifecycleSeconds
        self.stop = stop
    }
}
