import ConformanceEngine

#if EmbeddedReferenceServer
    import EmbeddedTarget
#endif

/// The target used when no config names one: the reference server when the `EmbeddedReferenceServer` trait (on by
/// default) builds it in, else none, and a run without a config says how to give one.
enum EmbeddedDefault {
    #if EmbeddedReferenceServer
        static let targets: (any EmbeddedServerLauncher)? = ReferenceServerLauncher()
    #else
        static let targets: (any EmbeddedServerLauncher)? = nil
    #endif
}
