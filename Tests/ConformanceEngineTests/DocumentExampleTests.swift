import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

/// For the APIs without an SDK to hold the suite to, the documents' own example answers are the reference: each is
/// read from its seed, as printed, and the suite must read it as the document means it — required rules all met,
/// and only the documents' own disagreements with themselves shown, as warnings.
@Suite("The documents' own example answers", .enabled(if: SeedFiles.available))
struct DocumentExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let api: String
        let format: WireFormat
        let seed: String
        let lines: ClosedRange<Int>
        let sent: [String: String]
        /// The checks that may warn, each a disagreement the profile records as an anomaly.
        let warns: Set<String>
        var testDescription: String { "\(api) \(format.label), \(seed) lines \(lines)" }
    }

    static let examples = [
        Example(
            api: "centurylink", format: .xml, seed: "001", lines: 56...58, sent: ["RequestID": "50"], warns: []),
        Example(
            api: "centurylink", format: .json, seed: "001", lines: 62...75, sent: ["RequestID": "50"], warns: []),
        Example(api: "oracle", format: .json, seed: "004", lines: 136...166, sent: ["id": "lfc-ab:1-cd:2"], warns: []),
    ]

    static func body(_ example: Example) throws -> String {
        let file = try FileManager.default.contentsOfDirectory(
            at: SeedFiles.root.appendingPathComponent("seeds"), includingPropertiesForKeys: nil
        ).first { $0.lastPathComponent.hasPrefix(example.seed + "_") }
        let text = try String(contentsOf: try #require(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines[(example.lines.lowerBound - 1)...(example.lines.upperBound - 1)].joined(separator: "\n")
    }

    static func failures(_ api: String, _ format: WireFormat, _ body: String, sent: [String: String])
        -> [Finding]
    {
        let profile = Fixtures.profile(api)
        let contentType = profile.format(format)?.responseContentType.split(separator: "|").first.map(String.init)
        return ResponseValidator(profile: profile, format: format, schemas: SchemaStore())
            .failures(ParsedAnswer(Fixtures.answer(contentType: contentType, body: body)), sent: sent)
    }

    @Test("each example answer meets every required rule of its response model", arguments: examples)
    func exampleConforms(_ example: Example) throws {
        let found = Self.failures(example.api, example.format, try Self.body(example), sent: example.sent)
        #expect(found.filter { $0.level == .required } == [])
        #expect(Set(found.map(\.rule)).isSubset(of: example.warns), "\(found.map(\.line))")
    }

    /// Oracle's Example 2 ends its object with a trailing comma and writes offsets without a colon: the comma makes it
    /// no JSON at all (refused, as the anomaly records), and without it only the offsets are warned about.
    @Test("Oracle's Example 2: its trailing comma refused, its offsets warned about")
    func oracleExampleTwo() throws {
        let example = Example(
            api: "oracle", format: .json, seed: "004", lines: 187...205,
            sent: ["id": "bidr-1E309E468A4518E149438E31294EB54"],
            warns: [])
        let printed = try Self.body(example)
        let asPrinted = Self.failures("oracle", .json, printed, sent: example.sent)
        #expect(asPrinted.map(\.kind) == [.parse] && asPrinted.allSatisfy { $0.level == .required })
        let mended = printed.replacingOccurrences(
            of: "\"2022-07-06T20:25:42.0+0000\",", with: "\"2022-07-06T20:25:42.0+0000\"")
        let found = Self.failures("oracle", .json, mended, sent: example.sent)
        #expect(!found.isEmpty && found.allSatisfy { $0.level == .recommended })
        #expect(found.allSatisfy { $0.actual.contains("oracle.anomaly.two-timestamp-spellings") })
    }

    /// CenturyLink's error answers share the success form with `Success=false` and a non-zero StatusCode: a body
    /// written from the Status Codes table is read as the refusal it is, with its code.
    @Test("a CenturyLink error answer written from the seed's tables is a refusal with its code")
    func centuryLinkErrorForm() throws {
        let profile = Fixtures.profile("centurylink")
        let mapping = try #require(profile.error("centurylink.error.invalid-format"))
        for (format, body, type) in [
            (
                WireFormat.xml,
                #"<QueueStatusResponse Success="false" Message="Invalid Request Format" StatusCode="3" />"#, "text/xml"
            ),
            (.json, #"{"Success":false,"Message":"Invalid Request Format","StatusCode":3}"#, "application/json"),
        ] {
            let parsed = ParsedAnswer(Fixtures.answer(contentType: type, body: body))
            let validator = ErrorValidator(profile: profile, format: format)
            #expect(validator.isRefusal(parsed) && validator.code(of: parsed) == "3")
            #expect(validator.failures(parsed, mapping: mapping) == [])
        }
    }
}
