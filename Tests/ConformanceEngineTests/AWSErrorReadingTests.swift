import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

/// The differential test of error reading: every answer of `Tests/Corpus/aws-errors.json` was read by botocore's own
/// parser for its protocol (`Tests/Corpus/aws_errors.py`; `pytest Tests/Corpus` keeps the file true to the installed
/// botocore), and the suite must read the same code, message, request id and type, and fail to read the same bodies.
@Suite("AWS error answers read as botocore reads them")
struct AWSErrorReadingTests {
    struct Entry: Decodable, CustomTestStringConvertible {
        struct Reading: Decodable {
            var raises: Bool?
            var protocolCode: String?
            var message: String?
            var requestId: String?
            var type: String?
        }
        var name: String
        var `protocol`: AWSProtocol
        var status: Int
        var headers: [String: String]
        var body: String
        var botocore: Reading
        var testDescription: String { name }
    }

    static let corpus: [Entry] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/aws-errors.json")
        do {
            return try JSONDecoder().decode([Entry].self, from: Data(contentsOf: file))
        } catch {
            Issue.record("the corpus \(file.path) cannot be read: \(error)")
            return []
        }
    }()

    @Test("the suite reads each answer as botocore does", arguments: corpus)
    func sameReading(_ entry: Entry) {
        let answer = Fixtures.answer(
            status: entry.status, contentType: nil, body: entry.body, headers: entry.headers.map { ($0.key, $0.value) })
        let reading = AWSErrorReading(ParsedAnswer(answer), as: entry.protocol)
        let expected = entry.botocore
        #expect(reading.unreadable == (expected.raises ?? false), "botocore raises: \(expected.raises ?? false)")
        guard expected.raises != true else { return }
        #expect(reading.code == expected.protocolCode)
        #expect(reading.message == expected.message)
        #expect(reading.requestId == expected.requestId)
        #expect(reading.type == expected.type)
    }

    @Test("the corpus holds each protocol's answers, with a code and without one")
    func corpusCoversEachProtocol() {
        for aws in [AWSProtocol.awsJSON, .restJSON, .awsQuery, .restXML] {
            let readings = Self.corpus.filter { $0.protocol == aws }.map(\.botocore)
            #expect(readings.contains { $0.protocolCode != nil }, "\(aws)")
            #expect(readings.contains { $0.protocolCode == nil }, "\(aws)")
        }
    }

    /// What the reading changes for a verdict: a namespaced query error is matched by its code, which the suite once
    /// read as no code at all.
    @Test("a namespaced query error meets its mapping")
    func namespacedQueryError() throws {
        let profile = try #require(Fixtures.profiles.first { $0.api == "cloudcontrol" })
        let mapping = try #require(profile.error("cloudcontrol.error.RequestTokenNotFoundException"))
        let body = """
            <ErrorResponse xmlns="http://webservices.amazon.com/AWSFault/2005-15-09"><Error><Type>Sender</Type>\
            <Code>RequestTokenNotFoundException</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>
            """
        let parsed = ParsedAnswer(Fixtures.answer(status: 400, contentType: "text/xml", body: body))
        let validator = ErrorValidator(profile: profile, format: .xml)
        #expect(validator.matches(parsed, mapping: mapping))
        #expect(validator.failures(parsed, mapping: mapping) == [])
    }
}
