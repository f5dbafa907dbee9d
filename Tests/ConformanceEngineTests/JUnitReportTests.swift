import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

@Suite("JUnit report")
struct JUnitReportTests {
    /// A report with every verdict kind, and text that breaks naive writers: control characters, markup, `]]>`,
    /// quotes, invalid UTF-8 decoded with replacement characters, a long body.
    static func hostileReport() -> RunReport {
        let profile = Fixtures.profile("codecatalyst")
        let cases = Array(CaseDeriver.derive(profile).prefix(6))
        let hostile =
            "bad \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F} <tag attr=\"x\"> & ]]> 'q' \u{FFFE} é😀 "
            + String(decoding: [0xC3, 0x28, 0xFF], as: UTF8.self)
            + String(repeating: "x", count: 5000)
        let failure = Finding(
            rule: "codecatalyst.response.json.status", kind: .field, expected: "one of A | B", actual: hostile,
            source: "seed:003 line 109: \"Valid Values\"")
        let verdicts: [Verdict] = [
            .pass, .fail([failure]), .skip("no fixture <quota> & \"x\""), .error("timeout \u{7}"),
            .knownDivergence(reason: "mock \u{1B}[31m", failures: [failure]), .divergenceNotObserved(reason: "stale"),
        ]
        let results = zip(cases, verdicts).map { item, verdict in
            CaseResult(
                testCase: item, verdict: verdict, transcript: "> GET /x\n< HTTP 200\n< " + hostile,
                curl: "curl 'http://127.0.0.1:1/x'",
                seconds: 0.0001, reachedOperation: true)
        }
        return RunReport(
            profiles: Fixtures.profiles, results: results, targetName: "test",
            targetLabels: ["codecatalyst": "http://127.0.0.1:1"],
            started: Date(timeIntervalSince1970: 1_764_000_000), seconds: 1.5)
    }

    @Test(
        "the report validates against the Jenkins xUnit junit-10.xsd",
        .enabled(if: Fixtures.hasSharedJUnitSchema, "../shared/junit/junit-10.xsd is not beside the checkout"))
    func validAgainstJenkinsSchema() throws {
        let schema = try XMLSchema(xsd: [UInt8](Data(contentsOf: Fixtures.sharedJUnitSchema)), name: "junit-10.xsd")
        let document = try XMLDocument(bytes: Array(JUnitWriter.xml(Self.hostileReport()).utf8))
        #expect(document.violations(of: schema) == [])
    }

    @Test("counts equal the cases; names are unique; every verdict has its element")
    func countsAndElements() throws {
        let xml = JUnitWriter.xml(Self.hostileReport())
        let document = try XMLDocument(bytes: Array(xml.utf8))
        #expect(try document.values("count(//testcase)", namespace: nil) == ["6.0"])
        #expect(try document.values("string(/testsuites/testsuite/@tests)", namespace: nil) == ["6"])
        #expect(try document.values("string(/testsuites/testsuite/@failures)", namespace: nil) == ["1"])
        #expect(try document.values("string(/testsuites/testsuite/@errors)", namespace: nil) == ["1"])
        #expect(try document.values("string(/testsuites/testsuite/@skipped)", namespace: nil) == ["2"])
        let names = try document.values("//testcase/@name", namespace: nil)
        #expect(Set(names).count == names.count)
        #expect(try document.values("//failure/@type", namespace: nil) == ["field"])
        #expect(
            try document.values("//skipped/@message", namespace: nil).contains { $0.hasPrefix("known divergence: ") })
        #expect(
            try document.values("//testcase/@classname", namespace: nil).allSatisfy {
                $0.hasPrefix("codecatalyst.GetWorkflowRun.")
            })
        #expect(try document.values("//property[@name='profileVersion']/@value", namespace: nil) == ["1.0.0"])
    }

    @Test("the annotation flavour adds file attributes and is otherwise the same report")
    func annotations() {
        let xml = JUnitWriter.xml(Self.hostileReport(), options: .init(annotations: true))
        #expect(xml.contains("file=\"Conformance/codecatalyst.json\" line=\""))
        #expect(!xml.contains("line=\"1\""), "every case's rule is found in its profile")
    }
}
