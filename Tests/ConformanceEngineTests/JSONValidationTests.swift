import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

@Suite("JSON through Foundation and the response model")
struct JSONValidationTests {
    let codecatalyst = Fixtures.profile("codecatalyst")

    private func validate(_ body: String, contentType: String = "application/json", sent: [String: String]? = nil)
        -> [Finding]
    {
        let sentValues =
            sent ?? [
                "spaceName": "ExampleCorp", "projectName": "MyDemoProject",
                "id": "a1b2c3d4-5678-90ab-cdef-000000000001",
            ]
        let store = SchemaStore()
        return ResponseValidator(profile: codecatalyst, format: .json, schemas: store)
            .failures(ParsedAnswer(Fixtures.answer(contentType: contentType, body: body)), sent: sentValues)
    }

    static let valid = """
        {"spaceName":"ExampleCorp","projectName":"MyDemoProject","id":"a1b2c3d4-5678-90ab-cdef-000000000001",
         "workflowId":"a1b2c3d4-5678-90ab-cdef-0000000000ff","status":"SUCCEEDED","statusReasons":[],
         "startTime":"2022-10-31T16:48:41.123Z","endTime":"2022-10-31T16:52:06.559Z","lastUpdatedTime":"2022-10-31T16:52:06.559Z"}
        """

    @Test("a conforming answer has no failures")
    func conforming() { #expect(validate(Self.valid) == []) }

    @Test(
        "each broken rule is named by its id",
        arguments: [
            ("\"status\":\"SUCCEEDED\"", "\"status\":\"succeeded\"", "codecatalyst.response.json.status"),
            ("\"workflowId\":\"a1b2c3d4-5678-90ab-cdef-0000000000ff\",", "", "codecatalyst.response.json.workflowId"),
            (
                "\"startTime\":\"2022-10-31T16:48:41.123Z\"", "\"startTime\":\"2022-10-31 16:48:41\"",
                "codecatalyst.response.json.startTime"
            ),
            (
                "\"startTime\":\"2022-10-31T16:48:41.123Z\"", "\"startTime\":1667234921",
                "codecatalyst.response.json.startTime"
            ),
            (
                "\"endTime\":\"2022-10-31T16:52:06.559Z\"", "\"endTime\":\"2022-10-30T16:52:06.559Z\"",
                "codecatalyst.response.json.end-not-before-start"
            ),
            (
                "\"spaceName\":\"ExampleCorp\"", "\"spaceName\":\"OtherCorp\"",
                "codecatalyst.response.json.echoes-spaceName"
            ),
            ("\"statusReasons\":[]", "\"statusReasons\":{}", "codecatalyst.response.json.statusReasons"),
            (
                "\"projectName\":\"MyDemoProject\"", "\"projectName\":\"My..Project\"",
                "codecatalyst.response.json.projectName"
            ),
        ])
    func brokenRule(_ change: (String, String, String)) {
        let body = Self.valid.replacingOccurrences(of: change.0, with: change.1)
        #expect(body != Self.valid)
        #expect(validate(body).map(\.rule).contains(change.2), "\(validate(body).map(\.line))")
    }

    @Test(
        "invalid JSON, invalid UTF-8 and deep nesting are failures with a clear message",
        arguments: [
            "{\"status\": ", "{\"a\":1,}", String(repeating: "[", count: 100_000),
        ])
    func unparsable(_ body: String) {
        let failures = validate(body)
        #expect(failures.contains { $0.kind == .parse && $0.actual.contains("not valid JSON") })
    }

    @Test("invalid UTF-8 bytes are refused")
    func invalidUTF8() {
        let store = SchemaStore()
        var answer = Fixtures.answer(body: "")
        answer.body = Array("{\"status\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)
        let failures = ResponseValidator(profile: codecatalyst, format: .json, schemas: store).failures(
            ParsedAnswer(answer), sent: [:])
        #expect(failures.contains { $0.kind == .parse })
    }

    @Test("a wrong content type is a failure even when the body is right")
    func wrongContentType() {
        #expect(validate(Self.valid, contentType: "text/html").map(\.kind) == [.contentType])
    }

    @Test("timestamps: each documented spelling, and near misses refused")
    func timestamps() {
        #expect(Timestamps.parse(nil, lexical: "2021-11-02T17:30:39.123Z", format: .rfc3339) != nil)
        #expect(Timestamps.parse(nil, lexical: "2022-07-06T20:25:11.0+00:00", format: .rfc3339) != nil)
        #expect(Timestamps.parse(nil, lexical: "2022-07-06T20:25:11.0+0000", format: .rfc3339) == nil)
        #expect(Timestamps.parse(nil, lexical: "2010-05-28T18:48:49.527", format: .isoLocal) != nil)
        #expect(
            Timestamps.parse(nil, lexical: "/Date(1275097729527)/", format: .msDate)?.timeIntervalSince1970
                == 1_275_097_729.527)
        #expect(Timestamps.parse(.number(1_627_411_977.406), lexical: "", format: .epochSeconds) != nil)
        #expect(
            Timestamps.parse(
                .string("2021-07-27T18:52:57.406Z"), lexical: "2021-07-27T18:52:57.406Z", format: .epochSeconds) == nil)
    }

    @Test("error mappings: status, code from header or body, required fields")
    func errorMapping() {
        let validator = ErrorValidator(profile: codecatalyst, format: .json)
        let mapping = codecatalyst.error("codecatalyst.error.ConflictException")!
        let good = Fixtures.answer(
            status: 409, body: "{\"message\":\"conflict\"}",
            headers: [("x-amzn-ErrorType", "ConflictException:http://internal")])
        #expect(validator.failures(ParsedAnswer(good), mapping: mapping).isEmpty)
        let wrongCode = Fixtures.answer(
            status: 409, body: "{\"message\":\"c\"}", headers: [("x-amzn-ErrorType", "ResourceConflictException")])
        #expect(validator.failures(ParsedAnswer(wrongCode), mapping: mapping).map(\.kind) == [.errorCode])
        let noMessage = Fixtures.answer(status: 409, body: "{}", headers: [("x-amzn-ErrorType", "ConflictException")])
        #expect(validator.failures(ParsedAnswer(noMessage), mapping: mapping).map(\.kind) == [.errorBody])
        let wrongStatus = Fixtures.answer(status: 500, body: "{\"message\":\"c\",\"__type\":\"x#ConflictException\"}")
        #expect(validator.failures(ParsedAnswer(wrongStatus), mapping: mapping).map(\.kind) == [.status])
    }

    @Test("an error name matches with or without the 'Exception' the JSON protocols add")
    func exceptionSuffix() {
        #expect(ErrorCode.matches("MissingAuthenticationToken", "MissingAuthenticationTokenException"))
        #expect(ErrorCode.matches("ValidationException", "ValidationException"))
        #expect(ErrorCode.matches("ConflictException", "Conflict"))
        #expect(ErrorCode.matches("Throttling|ThrottlingException", "ThrottlingException"))
        #expect(!ErrorCode.matches("Conflict", "ConflictExceptions"))
        #expect(!ErrorCode.matches("Conflict", "Exception"))
        #expect(!ErrorCode.matches("Conflict", "ResourceConflictException"))
    }

    @Test(
        "the error code read in each spelling the protocols use: a namespace before '#', detail after ':'",
        arguments: [
            ("ConflictException", "ConflictException"), ("ConflictException:http://internal", "ConflictException"),
            ("aws.codecatalyst#ConflictException", "ConflictException"),
            ("a#b#ConflictException:detail:more", "ConflictException"), ("Conflict\u{E9}", "Conflict\u{E9}"),
        ])
    func codeSpellings(_ example: (header: String, code: String)) {
        let validator = ErrorValidator(profile: codecatalyst, format: .json)
        let answer = Fixtures.answer(status: 409, body: "{}", headers: [("x-amzn-ErrorType", example.header)])
        #expect(validator.code(of: ParsedAnswer(answer)) == example.code)
    }
}

@Suite("Strict JSON syntax")
struct StrictJSONSyntaxTests {
    @Test(
        "RFC 8259 texts pass",
        arguments: ["{}", "[]", "{\"a\":[1,-2.5e3,true,false,null,\"\\u00e9\\n\"]}", " 7 ", "\"x\""])
    func valid(_ text: String) { #expect(StrictJSONSyntax.violation(in: Array(text.utf8)) == nil) }

    @Test(
        "what Foundation lets through, and other breakage, is refused",
        arguments: [
            "{\"a\":1,}", "[1,2,]", "{\"a\" 1}", "[01]", "[1.]", "\"tab\there\"", "{\"a\":1}{", "[\"\\x\"]", "",
        ])
    func invalid(_ text: String) { #expect(StrictJSONSyntax.violation(in: Array(text.utf8)) != nil) }

    @Test("values are read as JSONDecoder reads them: integral numbers are integers, escapes and pairs decoded")
    func values() throws {
        let value = try StrictJSONSyntax.parse(
            Array(
                #"{"i":100,"f":100.0,"e":1e2,"d":1.5,"big":9223372036854775808,"s":"\u00e9\ud83d\ude00\n\/","x":[true,null]}"#
                    .utf8)
        ).value
        #expect(
            value
                == .object([
                    "i": .integer(100), "f": .integer(100), "e": .integer(100), "d": .number(1.5),
                    "big": .number(9_223_372_036_854_775_808), "s": .string("\u{E9}\u{1F600}\n/"),
                    "x": .array([.bool(true), .null]),
                ]))
    }

    @Test("values at a path: members walked, [] fans out over an array, an absent member yields none")
    func paths() throws {
        let value = try StrictJSONSyntax.parse(Array(#"{"a":{"b":1},"items":[{"id":"x"},{"id":"y"},{}]}"#.utf8)).value
        #expect(value.values(at: "a.b") == [.integer(1)])
        #expect(value.values(at: "a.c").isEmpty)
        #expect(value.values(at: "a.b.c").isEmpty)
        #expect(value.values(at: "items[].id") == [.string("x"), .string("y")])
    }

    @Test("a string without escapes is read whole; bytes that are not UTF-8 are refused where the string ends")
    func plainStrings() throws {
        #expect(
            try StrictJSONSyntax.parse(Array(#"["héllo wörld", "", "a\"b"]"#.utf8)).value
                == .array([.string("héllo wörld"), .string(""), .string("a\"b")]))
        let broken: [UInt8] = Array(#"["ab"#.utf8) + [0xC3, 0x28] + Array(#""]"#.utf8)
        #expect(StrictJSONSyntax.violation(in: broken)?.description == "bytes that are not UTF-8 at byte 6")
        #expect(StrictJSONSyntax.violation(in: Array(#"["open"#.utf8))?.description == "unterminated string at byte 6")
    }

    @Test("what a JSONValue cannot hold is refused", arguments: [#"["\ud800"]"#, #"["\udc00x"]"#, "[1e400]"])
    func unrepresentable(_ text: String) { #expect(StrictJSONSyntax.violation(in: Array(text.utf8)) != nil) }
}
