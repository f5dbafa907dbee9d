import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

/// Answers read as their clients read them: what every client tolerates passes, what clients would read differently
/// from one another fails, naming what it saw.
@Suite("Answers read as clients read them")
struct AnswerReadingTests {
    private func failures(_ api: String, _ format: WireFormat, _ body: String, contentType: String, role: String? = nil)
        -> [Finding]
    {
        ResponseValidator(profile: Fixtures.profile(api), format: format, schemas: SchemaStore())
            .failures(
                ParsedAnswer(Fixtures.answer(contentType: contentType, body: body)), sent: Self.sent[api] ?? [:],
                role: role)
    }

    static let sent = [
        "codecatalyst": [
            "spaceName": "ExampleCorp", "projectName": "MyDemoProject", "id": "a1b2c3d4-5678-90ab-cdef-000000000001",
        ],
        "centurylink": ["RequestID": "50"],
        "oracle": ["id": "lfc-ab:1-cd:2"],
    ]

    static let run = """
        {"spaceName":"ExampleCorp","projectName":"MyDemoProject","id":"a1b2c3d4-5678-90ab-cdef-000000000001",
         "workflowId":"a1b2c3d4-5678-90ab-cdef-0000000000ff","status":"IN_PROGRESS",
         "startTime":"2022-10-31T16:48:41.123Z","lastUpdatedTime":"2022-10-31T16:52:06.559Z"}
        """

    static let queueStatus = """
        <QueueStatusResponse Success="true" Message="Request Status successfully retrieved." StatusCode="0">\
        <RequestDetails RequestID="50" RequestTitle="Creating Server UT1XXLAB01" ProgressDesc="Request completed" \
        StatusDate="2010-05-28T18:48:49.527" PercentComplete="100" CurrentStatus="Succeeded" StepNumber="0" />\
        </QueueStatusResponse>
        """

    @Test("a JSON member given twice with different values fails, naming the member and both values")
    func conflictingMember() throws {
        let body = Self.run.replacingOccurrences(
            of: "\"status\":\"IN_PROGRESS\"", with: "\"status\":\"IN_PROGRESS\",\"status\":\"FAILED\"")
        let found = failures("codecatalyst", .json, body, contentType: "application/json")
        let parse = try #require(found.first { $0.kind == .parse })
        #expect(parse.level == .required)
        #expect(parse.actual.contains("'status'") && parse.actual.contains("'IN_PROGRESS'"))
        #expect(parse.actual.contains("'FAILED'"))
    }

    @Test("a JSON member repeated with the same value is read the same by every client and passes")
    func repeatedSameValue() {
        let body = Self.run.replacingOccurrences(
            of: "\"status\":\"IN_PROGRESS\"", with: "\"status\":\"IN_PROGRESS\",\"status\":\"IN_PROGRESS\"")
        #expect(failures("codecatalyst", .json, body, contentType: "application/json") == [])
    }

    @Test("an optional member given as null is absent; a required one given as null is missing")
    func nulls() {
        let optional = Self.run.replacingOccurrences(of: "\"status\"", with: "\"endTime\":null,\"status\"")
        #expect(failures("codecatalyst", .json, optional, contentType: "application/json") == [])
        let required = Self.run.replacingOccurrences(of: "\"status\":\"IN_PROGRESS\"", with: "\"status\":null")
        let found = failures("codecatalyst", .json, required, contentType: "application/json")
        #expect(found.map(\.rule) == ["codecatalyst.response.json.status"])
        #expect(found.first?.actual == "absent" && found.first?.level == .required)
    }

    @Test("a single-valued XML attribute's element repeated with different values fails, naming both")
    func repeatedXMLElement() throws {
        let body = Self.queueStatus.replacingOccurrences(
            of: "</QueueStatusResponse>",
            with: "<RequestDetails RequestID=\"50\" CurrentStatus=\"Failed\" /></QueueStatusResponse>")
        let found = failures("centurylink", .xml, body, contentType: "text/xml")
        let repeated = try #require(found.first { $0.rule == "centurylink.response.xml.CurrentStatus" })
        #expect(repeated.level == .required && repeated.actual.contains("'Succeeded' and 'Failed'"))
    }

    @Test("XML integers are read with the white space around them collapsed, as xs:int has it")
    func paddedIntegers() {
        let body = Self.queueStatus.replacingOccurrences(
            of: "PercentComplete=\"100\"", with: "PercentComplete=\" 100 \""
        )
        .replacingOccurrences(of: "StatusCode=\"0\"", with: "StatusCode=\" 0\"")
        .replacingOccurrences(of: "RequestID=\"50\"", with: "RequestID=\"50 \"")
        #expect(failures("centurylink", .xml, body, contentType: "text/xml") == [])
    }

    @Test("the .NET date with an offset names the same instant as without")
    func dotNetDate() {
        let plain = Timestamps.parse(nil, lexical: "/Date(1275097729527)/", format: .msDate)
        #expect(plain != nil)
        #expect(Timestamps.parse(nil, lexical: "/Date(1275097729527-0700)/", format: .msDate) == plain)
        #expect(Timestamps.parse(nil, lexical: "/Date(1275097729527+0130)/", format: .msDate) == plain)
        #expect(Timestamps.parse(nil, lexical: "/Date(1275097729527-07)/", format: .msDate) == nil)
    }

    @Test("a state the documents do not spell is not judged; a known state the role rules out is")
    func fixtureStates() throws {
        let s3 = Fixtures.profile("s3control")
        let namespace = try #require(s3.response(.xml)?.namespace)
        func answer(_ state: String) -> String {
            """
            <DescribeMultiRegionAccessPointOperationResult xmlns="\(namespace)"><AsyncOperation>\
            <RequestTokenARN>arn:aws:s3:us-east-1:123456789012:async-request/mrap/x</RequestTokenARN>\
            <RequestStatus>\(state)</RequestStatus></AsyncOperation></DescribeMultiRegionAccessPointOperationResult>
            """
        }
        func states(_ body: String) -> [Finding] {
            failures("s3control", .xml, body, contentType: "application/xml", role: "in-progress").filter {
                $0.kind == .state
            }
        }
        #expect(states(answer("IN_PROGRESS")) == [])
        #expect(states(answer("INPROGRESS")) == [], "no document spells S3 Control's states")
        #expect(states(answer("SUCCEEDED")).map(\.level) == [.required], "the state of a succeeded fixture")
    }

    @Test("a refusal the documents give no form for is judged only as a refusal")
    func refusalOnly() throws {
        let profile = Fixtures.profile("centurylink")
        let mapping = try #require(profile.error("centurylink.error.unsupported-format"))
        let page = ParsedAnswer(Fixtures.answer(status: 404, contentType: "text/plain", body: "Not Found"))
        let validator = ErrorValidator(profile: profile, format: .json)
        #expect(validator.isRefusal(page) && validator.matches(page, mapping: mapping))
        #expect(validator.failures(page, mapping: mapping) == [])
    }
}
