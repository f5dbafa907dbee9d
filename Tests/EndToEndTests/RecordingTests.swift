import ConformanceModel
import Foundation
import ReferenceServer
import TestFixtures
import Testing

@testable import ConformanceEngine

/// `conformance run --record` and `conformance rejudge`: a run kept as HAR, judged again offline.
@Suite("Recorded runs, judged again", .serialized)
struct RecordingTests {
    @Test("the recording is HAR 1.2: every exchange, each naming its case, the log-on marked, no secret in it")
    func harShape() async throws {
        let cases = CaseDeriver.derive(Fixtures.profiles).filter { $0.family == .auth || $0.family == .response }
        let (_, har) = try await Fixtures.recordedRun(cases)
        let data = try JSONEncoder().encode(har)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let log = try #require(json["log"] as? [String: Any])
        #expect(log["version"] as? String == "1.2")
        #expect((log["creator"] as? [String: Any])?["name"] as? String == "AsyncStatusConformance")
        let entries = try #require(log["entries"] as? [[String: Any]])
        #expect(entries.count >= cases.count)
        for entry in entries {
            // The members HAR 1.2 requires of an entry, its request and its response.
            for key in ["startedDateTime", "time", "request", "response", "cache", "timings"] {
                #expect(entry[key] != nil, "an entry without \(key)")
            }
            let request = try #require(entry["request"] as? [String: Any])
            for key in ["method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"]
            {
                #expect(request[key] != nil, "a request without \(key)")
            }
            let response = try #require(entry["response"] as? [String: Any])
            for key in [
                "status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize",
                "bodySize",
            ] {
                #expect(response[key] != nil, "a response without \(key)")
            }
            #expect(entry["_caseId"] is String)
        }
        let ids = Set(cases.map(\.id))
        #expect(Set(har.log.entries.compactMap(\.caseID)).isSubset(of: ids))
        #expect(har.log.entries.filter { $0.logon == true }.count == 1, "CenturyLink logs on once")
        let text = String(decoding: data, as: UTF8.self)
        for secret in [
            ReferenceFixtures.bearerToken, ReferenceFixtures.awsSecretAccessKey, ReferenceFixtures.centuryLinkPassword,
            ReferenceFixtures.centuryLinkAPIKey,
        ] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        #expect(text.range(of: "Signature=[0-9a-f]{16}", options: .regularExpression) == nil, "a signature leaked")
    }

    @Test("a rule changed since the run moves the verdicts it changes, and only those")
    func changedRule() async throws {
        let profile = Fixtures.profile("centurylink")
        let cases = CaseDeriver.derive(profile)
        let (report, har) = try await Fixtures.recordedRun(cases)
        #expect(!report.failed)
        // StatusCode as a date: every faithful CenturyLink XML answer ("0", "2", "3") now breaks the schema.
        let copy = try Fixtures.copiedProfiles { folder in
            try Fixtures.edit(folder.appendingPathComponent("xsd/centurylink.xsd")) {
                $0.replacingOccurrences(
                    of: #"name="StatusCode" type="Int""#, with: #"name="StatusCode" type="xs:date""#)
            }
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        let changed = try ProfileLoader.loadAll(from: copy).filter { $0.api == "centurylink" }
        let rejudged = await Fixtures.rejudge(CaseDeriver.derive(changed), har, profiles: changed)
        let moved = rejudged.results.filter(\.verdict.isFailure).map(\.testCase.id)
        #expect(moved.contains("centurylink.xml.response.succeeded"))
        #expect(moved.allSatisfy { $0.hasPrefix("centurylink.xml.") }, "only XML answers carry the changed schema")
        #expect(rejudged.results.filter(\.needsLiveRun).isEmpty, "no request changed")
    }

    @Test("a case whose request is now another than the recorded one needs a live run, and is not judged")
    func changedRequest() async throws {
        let cases = CaseDeriver.derive(Fixtures.profile("codecatalyst"))
        let (report, har) = try await Fixtures.recordedRun(cases)
        let copy = try Fixtures.copiedProfiles { folder in
            try Fixtures.edit(folder.appendingPathComponent("codecatalyst.json")) {
                $0.replacingOccurrences(
                    of: #""max": 63,"#, with: #""max": 62,"#, options: [], range: $0.range(of: #""max": 63,"#))
            }
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        let changed = try ProfileLoader.loadAll(from: copy).filter { $0.api == "codecatalyst" }
        let rejudged = await Fixtures.rejudge(CaseDeriver.derive(changed), har, profiles: changed)
        let live = rejudged.results.filter(\.needsLiveRun)
        #expect(
            Set(live.map(\.testCase.id)) == [
                "codecatalyst.spaceName.length.max", "codecatalyst.spaceName.length.max+1",
            ])
        if case .skip(let reason)? = live.first?.verdict { #expect(reason.contains("the URL is now")) }
        let others = rejudged.results.filter { !$0.needsLiveRun }
        expectSameVerdicts(
            report.filtered(to: Set(others.map(\.testCase.id))), rejudged.filtered(to: Set(others.map(\.testCase.id))))
    }

    @Test("a file that is not a recording is refused, naming it")
    func notARecording() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-recording-\(UUID()).har")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"log": {"version": "1.2", "entries": []}}"#.utf8).write(to: file)
        #expect {
            try HAR.read(file)
        } throws: { error in
            "\(error)".contains(file.path) && "\(error)".contains("is not a recording of `conformance run --record`")
        }
    }
}

extension RunReport {
    /// The report with only the results of `ids`.
    func filtered(to ids: Set<String>) -> RunReport {
        RunReport(
            profiles: profiles, results: results.filter { ids.contains($0.testCase.id) }, leftOut: [],
            targetName: targetName, targetLabels: targetLabels, started: started, seconds: seconds)
    }
}

extension Fixtures {
    /// A copy of `Conformance/` changed by `change`; the caller removes it.
    static func copiedProfiles(_ change: (URL) throws -> Void) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ProfileLoader.defaultDirectory, to: copy)
        try change(copy)
        return copy
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }
}
