import ConformanceModel
import Foundation
import ReferenceServer
import TestFixtures
import Testing

@testable import ConformanceEngine

@Suite("HTTP driver against hostile and absent targets")
struct DriverTests {
    /// Each hostile answer becomes an error verdict for its case, promptly, and the server still stops at once.
    @Test(
        "hostile answers become error verdicts",
        arguments: [
            (
                Defect.oracleHugeBodyWhenInProgress, "oracle.response.in-progress", 20.0,
                "answer body larger than the 1048576-byte cap"
            ),
            (
                Defect.codecatalystStallsWhenInProgress, "codecatalyst.response.in-progress", 1.0,
                "no complete answer within 1.0 s"
            ),
            (
                Defect.cloudcontrolTricklesXMLWhenFailed, "cloudcontrol.xml.response.failed", 1.0,
                "no complete answer within 1.0 s"
            ),
        ])
    func hostileAnswer(_ example: (Defect, String, Double, String)) async throws {
        let item = CaseDeriver.derive(Fixtures.profile(example.0.api)).filter { $0.id == example.1 }
        let start = ContinuousClock.now
        let report = try await Fixtures.run(item, defects: [example.0], timeout: example.2)
        #expect(report.results.first?.verdict == .error(example.3))
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test("an unreachable target yields an error verdict per case, and the report is still written")
    func unreachable() async throws {
        let server = try await ReferenceServer.start(profiles: Fixtures.profiles)
        let port = server.port
        await server.stop()
        var target = ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:\(port)").apis["oracle"]!
        target.auth = AuthConfig(tokenEnv: "CONFORMANCE_TEST_TOKEN")
        let config = TargetConfig(timeoutSeconds: 2, apis: ["oracle": target])
        let cases = CaseDeriver.derive(Fixtures.profile("oracle"))
        let report = try await Fixtures.run(
            cases, config: config, concurrency: 4, environment: ["CONFORMANCE_TEST_TOKEN": "t0ken-value"])
        #expect(report.results.count == cases.count)
        #expect(report.results.allSatisfy { if case .error = $0.verdict { return true } else { return false } })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unreachable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ReportFiles(junit: folder.appendingPathComponent("junit.xml"))
        try files.write(report, environment: [:])
        for url in [files.junit, files.summary, files.results, files.html] {
            #expect(FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent)")
        }
    }
}
