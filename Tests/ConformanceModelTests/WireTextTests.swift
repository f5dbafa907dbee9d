import ConformanceModel
import Foundation
import Testing

@Suite("Text every writer shares: XML escaping, numbers, header lookup")
struct WireTextTests {
    @Test("XML escaping covers markup and both quotes, and leaves other text alone")
    func xmlEscaping() {
        #expect(
            XMLText.escape(#"<a href="x">Tom & 'Jerry'</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
        #expect(XMLText.escape("plain é 😀") == "plain é 😀")
    }

    @Test(
        "seconds: three decimals, never NaN, negative or an exponent",
        arguments: [
            (0.0, "0.000"), (1.2345, "1.235"), (0.05, "0.050"), (12.0, "12.000"), (Double.nan, "0.000"),
            (-1.0, "0.000"),
            (Double.infinity, "0.000"), (1e20, "0.000"),
        ])
    func seconds(_ example: (Double, String)) {
        #expect(Numbers.seconds(example.0) == example.1)
    }

    @Test("numbers in messages: whole numbers without a fraction")
    func messageNumbers() {
        #expect(Numbers.text(42) == "42")
        #expect(Numbers.text(0.5) == "0.5")
        #expect(Numbers.text(-3) == "-3")
        #expect(Numbers.text(1e300) == "1e+300")
    }

    @Test("header lookup ignores the name's case")
    func headers() {
        let headers: [(name: String, value: String)] = [("content-TYPE", "text/xml"), ("Content-Type", "second")]
        #expect(headers.value(of: "Content-Type") == "text/xml")
        #expect(headers.value(of: "Retry-After") == nil)
    }
}

@Suite("Whole-value matching without the regex engine where it is not needed")
struct WholeMatchShortcutTests {
    @Test(
        "'.+', integers, UUIDs and literal alternatives agree with the regular expression",
        arguments: [
            ".+", "ValidationException|ValidationError|MissingParameter", "NoSuchAsyncRequest", "A|", "[1-9][0-9]*",
            WholeMatch.integer, WholeMatch.uuid,
        ])
    func agrees(_ pattern: String) throws {
        let expression = try NSRegularExpression(pattern: "\\A(?:\(pattern))\\z")
        for value in [
            "", "x", "ValidationError", "ValidationErrorX", "MissingParameter", "NoSuchAsyncRequest", "a\nb", "a\r",
            "line\u{2028}", "tab\tok", "12", "A", "é", "-12", "-", "--1", "1-", "١٢", "12\n",
            "a1b2c3d4-5678-90ab-cdef-000000000001", "A1B2C3D4-5678-90AB-CDEF-00000000000F",
            "a1b2c3d4-5678-90ab-cdef-00000000000g", "a1b2c3d4x5678-90ab-cdef-000000000001",
            "a1b2c3d4-5678-90ab-cdef-0000000000011", "{a1b2c3d4-5678-90ab-cdef-000000000001}",
        ] {
            let byRegex = expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
            #expect(WholeMatch.matches(pattern, value) == byRegex, "\(pattern) on \(value.debugDescription)")
        }
    }
}

@Suite("A documented error answer as reports write it")
struct ErrorAnswerTextTests {
    @Test(
        "status and code, alternatives, patterns, any code",
        arguments: [
            (404, "ResourceNotFoundException", "HTTP 404 ResourceNotFoundException"),
            (400, "ValidationException|ValidationError", "HTTP 400 ValidationException | ValidationError"),
            (401, ".+", "HTTP 401"), (409, "Conflict[A-Z]+", "HTTP 409 with a code matching Conflict[A-Z]+"),
            (nil, "3", "error code 3"), (nil, "[1-9][0-9]*", "an error code matching [1-9][0-9]*"),
            (nil, ".+", "an error code"),
        ] as [(Int?, String, String)])
    func text(_ example: (Int?, String, String)) throws {
        let json = """
            {"id": "x.error", "code": \(JSONText.quoted(example.1)), "provokedBy": "fixture", "requiredHeaders": [],
             "source": {"document": "seed:000", "quote": "q"}\(example.0.map { ", \"status\": \($0)" } ?? "")}
            """
        let mapping = try JSONDecoder().decode(ErrorMapping.self, from: Data(json.utf8))
        #expect(mapping.answerText == example.2)
    }
}
