import ConformanceEngine
import Foundation
import Testing

@testable import ConformanceTesting

@Suite("Conformance plan: what the suite runs and what it leaves out")
struct ConformancePlanTests {
    private func config(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    @Test("without a config every case runs against the embedded server")
    func embeddedDefault() {
        let plan = ConformancePlan.make(configFile: nil, globs: "")
        #expect(plan.problem == nil && plan.leftOut.isEmpty)
        #expect(plan.cases.count == CaseDeriver.derive(plan.profiles).count)
        #expect(plan.arguments(api: "oracle", family: .errors).map(\.derived.id).contains("oracle.errors.412"))
        #expect(plan.arguments(api: "oracle", family: .errors).first?.testDescription.contains(" — ") == true)
    }

    @Test("CONFORMANCE_CASES globs select case ids; a selection matching nothing is a problem, not a green run")
    func selection() {
        let plan = ConformancePlan.make(configFile: nil, globs: "codecatalyst.spaceName.*, oracle.lifecycle")
        #expect(Set(plan.cases.map(\.api)) == ["codecatalyst", "oracle"])
        #expect(plan.cases.allSatisfy { $0.id.hasPrefix("codecatalyst.spaceName.") || $0.id == "oracle.lifecycle" })
        let none = ConformancePlan.make(configFile: nil, globs: "nothing.*")
        #expect(none.problem?.contains("matches no case id") == true)
    }

    @Test("cases a target cannot serve are left out with the reason")
    func leftOut() throws {
        let file = try config(
            """
            {"apis": {"oracle": {"baseURL": "http://127.0.0.1:9", "auth": {"tokenEnv": "T"}, "inputs": {},
              "fixtures": {"succeeded": {"id": "x"}}}}}
            """)
        let plan = ConformancePlan.make(configFile: file, globs: "")
        let reasons = Dictionary(plan.leftOut.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["oracle.errors.412"] == "the target config gives no fixture 'precondition' for oracle")
        #expect(reasons["codecatalyst.lifecycle"] == "the target config does not configure codecatalyst")
        #expect(plan.cases.contains { $0.id == "oracle.errors.404" })
        #expect(Set(plan.cases.map(\.api)) == ["oracle"])
    }

    @Test("one call gives every family of an API; a misspelt API is an argument that fails, naming the APIs there are")
    func argumentsOfAnAPI() {
        let plan = ConformancePlan.make(configFile: nil, globs: "")
        let all = plan.arguments(api: "oracle")
        #expect(Set(all.map(\.derived.family)) == Set(CaseFamily.allCases))
        #expect(all.count == plan.cases.filter { $0.api == "oracle" }.count)
        let misspelt = plan.arguments(api: "orcale", family: .response)
        #expect(misspelt.count == 1)
        #expect(misspelt.first?.problem?.contains("no profile for API 'orcale'") == true)
        #expect(misspelt.first?.problem?.contains("centurylink, cloudcontrol, codecatalyst, oracle, s3control") == true)
    }

    /// A consumer that forgets a family: the cases no test asked for are in the report, skipped with the reason.
    @Test("planned cases no test ran are reported as skipped, planned but not run")
    func notRunIsReported() async throws {
        let plan = ConformancePlan.make(configFile: nil, globs: "oracle.*")
        let session = try await SuiteScope(plan: plan)
        let first = try #require(plan.cases.first)
        _ = await session.run(first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notrun-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, notRun) = try await session.finish(
            files: ReportFiles(junit: folder.appendingPathComponent("junit.xml")))
        #expect(notRun.count == plan.cases.count - 1 && !notRun.contains(first.id))
        let junit = try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.components(separatedBy: "planned but not run").count - 1 >= notRun.count)
        #expect(junit.contains("name=\"\(first.id)\""))
    }

    @Test("a bad config is a problem naming file, field and reason")
    func badConfig() throws {
        let file = try config("{\"apis\": {\"oracle\": {\"baseURL\": \"nope\"}}}")
        let plan = ConformancePlan.make(configFile: file, globs: "")
        #expect(plan.problem == "\(file): apis.oracle.auth: is required but missing")
        #expect(plan.cases.isEmpty)
    }
}

@Suite("Conformance case checks")
struct ConformanceCaseCheckTests {
    /// Through the same path the suite uses: a defect enabled in the config makes `check()` record an issue that names
    /// the case, the broken rule, its document line, expected and actual, and a curl repro.
    @Test("a defect mode makes check() fail, naming the broken rule and its source")
    func defectFailsNamingTheRule() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("defect-\(UUID().uuidString).json")
        try Data("{\"apis\": {}, \"embedded\": {\"defects\": [\"codecatalyst.in-progress-in-lower-case\"]}}".utf8)
            .write(to: url)
        let plan = ConformancePlan.make(configFile: url.path, globs: "codecatalyst.response.in-progress")
        let item = try #require(plan.cases.first.map(ConformanceCase.init))
        let session = try await SuiteScope(plan: plan)
        try await SuiteScope.$current.withValue(session) {
            try await withKnownIssue("the defect is on, so the check must fail") {
                try await item.check()
            } matching: { issue in
                let text = issue.comments.map(\.rawValue).joined()
                return text.contains("codecatalyst.response.in-progress")
                    && text.contains("codecatalyst.response.json.status")
                    && text.contains("seed:003 line 109") && text.contains("got 'in_progress'")
                    && text.contains("reproduce: curl")
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ReportFiles(junit: folder.appendingPathComponent("junit.xml"))
        _ = try await session.finish(files: files)
        #expect(
            try String(contentsOf: files.junit, encoding: .utf8).contains(
                "<failure message=\"codecatalyst.response.json.status"))
        #expect(try String(contentsOf: files.html, encoding: .utf8).contains("data-verdict=\"fail\""))
    }
}
