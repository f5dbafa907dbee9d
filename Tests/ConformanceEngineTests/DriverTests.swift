@testable import ConformanceEngine
import ConformanceModel
import Foundation
import ReferenceServer
import Testing

@Suite("HTTP driver against hostile and absent targets")
struct DriverTests {
    @Test("a 64 MiB answer is cut at the cap and becomes an error verdict")
    func bodyCap() async throws {
        let item = CaseDeriver.derive(Fixtures.profile("oracle")).filter { $0.id == "oracle.response.in-progress" }
        let report = try await Fixtures.run(item, defects: [.oracleHugeBodyWhenInProgress], timeout: 20)
        #expect(report.results.first?.verdict == .error("answer body larger than the 1048576-byte cap"))
    }

    @Test("a stalled answer becomes a timeout verdict, and the server still stops at once")
    func stall() async throws {
        let item = CaseDeriver.derive(Fixtures.profile("codecatalyst")).filter { $0.id == "codecatalyst.response.in-progress" }
        let start = ContinuousClock.now
        let report = try await Fixtures.run(item, defects: [.codecatalystStallsWhenInProgress], timeout: 1)
        #expect(report.results.first?.verdict == .error("no complete answer within 1.0 s"))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("an answer trickled a byte at a time is cut at the deadline, body included")
    func trickle() async throws {
        let item = CaseDeriver.derive(Fixtures.profile("cloudcontrol")).filter { $0.id == "cloudcontrol.xml.response.failed" }
        let start = ContinuousClock.now
        let report = try await Fixtures.run(item, defects: [.cloudcontrolTricklesXMLWhenFailed], timeout: 1)
        #expect(report.results.first?.verdict == .error("no complete answer within 1.0 s"))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("an unreachable target yields an error verdict per case, and the report is still written")
    func unreachable() async throws {
        let server = try await ReferenceServer.start(profiles: Fixtures.profiles)
        let port = server.port
        await server.stop()
        var target = ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:\(port)").apis["oracle"]!
        target.auth = AuthConfig(tokenEnv: "CONFORMANCE_TEST_TOKEN")
        let config = TargetConfig(timeoutSeconds: 2, apis: ["oracle": target])
        let targets = try await PreparedTargets.prepare(config: config, profiles: Fixtures.profiles, environment: ["CONFORMANCE_TEST_TOKEN": "t0ken-value"])
        let cases = CaseDeriver.derive(Fixtures.profile("oracle"))
        let report = await ConformanceRun(profiles: Fixtures.profiles, targets: targets, config: config).execute(cases)
        #expect(report.results.count == cases.count)
        #expect(report.results.allSatisfy { if case .error = $0.verdict { return true } else { return false } })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unreachable-\(UUID().uuidString).xml")
        try JUnitWriter.write(report, to: url)
        #expect(FileManager.default.fileExists(atPath: url.path))
    }
}
