import EmbeddedTarget
import ReferenceServer
import Testing

@testable import ConformanceEngine

@Suite("The embedded server's fast clock")
struct EmbeddedPacingTests {
    @Test("the embedded default: a lifecycle within 200 ms, polled at least three times before it ends")
    func embeddedDefault() {
        let options = ReferenceServer.Options(timeScale: ReferenceServerLauncher.timeScale)
        let pacing = Pacing.embedded(lifecycleSeconds: options.lifecycleSeconds, config: nil)
        #expect(options.lifecycleSeconds <= 0.2)
        #expect(Duration.seconds(options.lifecycleSeconds) / pacing.pollInterval >= 3)
        #expect(pacing.lifecycleTimeout >= 5 * options.lifecycleSeconds)
    }
}
