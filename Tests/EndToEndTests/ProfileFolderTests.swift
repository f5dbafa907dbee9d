import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

/// Profiles carry their folder: the XSDs and the rules' line numbers come from wherever the profiles were loaded, so a
/// copy of `Conformance/` changed elsewhere (`conformance run --profiles DIR`) is what the run judges by.
@Suite("Profiles loaded from another folder bring their own XSDs and line numbers")
struct ProfileFolderTests {
    @Test("a copy of Conformance/ with one XSD changed: the change takes effect, and the report names the copy")
    func copiedFolder() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: ProfileLoader.defaultDirectory, to: copy)
        // StatusCode as a date: every faithful CenturyLink XML answer ("0", "2", "3") now breaks the schema.
        let xsd = copy.appendingPathComponent("xsd/centurylink.xsd")
        let text = try String(contentsOf: xsd, encoding: .utf8)
        try text.replacingOccurrences(
            of: #"name="StatusCode" type="Int""#, with: #"name="StatusCode" type="xs:date""#
        )
        .write(to: xsd, atomically: true, encoding: .utf8)
        // One blank line more at the top of the profile moves every rule down by one.
        let profileFile = copy.appendingPathComponent("centurylink.json")
        try ("\n" + String(contentsOf: profileFile, encoding: .utf8)).write(
            to: profileFile, atomically: true, encoding: .utf8)

        let copied = try ProfileLoader.loadAll(from: copy)
        let centurylink = try #require(copied.first { $0.api == "centurylink" })
        let cases = CaseDeriver.derive(centurylink).filter { $0.id == "centurylink.xml.response.succeeded" }
        let report = try await Fixtures.run(cases, profiles: copied, config: nil)
        guard case .fail(let failures)? = report.verdict(of: "centurylink.xml.response.succeeded") else {
            Issue.record("the changed XSD did not fail the XML answer: \(report.results.map(\.verdict))")
            return
        }
        #expect(failures.contains { $0.kind == .schema && $0.expected.contains(copy.lastPathComponent) })

        let original = try #require(Fixtures.profiles.first { $0.api == "centurylink" })
        let originalLine = ProfileLines(profile: original).line(of: "centurylink.response.xml.StatusCode")
        let lines = ProfileLines(profile: centurylink)
        #expect(lines.line(of: "centurylink.response.xml.StatusCode") == originalLine + 1)
        #expect(lines.file.hasSuffix("\(copy.lastPathComponent)/centurylink.json"))
    }
}
