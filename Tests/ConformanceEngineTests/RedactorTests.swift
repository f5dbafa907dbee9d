import Testing

@testable import ConformanceEngine

@Suite("Redactor: no secret leaves the process")
struct RedactorTests {
    let redactor = Redactor(secrets: ["s3cr3t", "s3cr3t-longer", "tok"])

    @Test("every occurrence is masked, the longest secret first; short strings are not treated as secrets")
    func masks() {
        #expect(redactor.text("a s3cr3t-longer b s3cr3t s3cr3t") == "a <redacted> b <redacted> <redacted>")
        #expect(redactor.text("ünïcode s3cr3t ✓") == "ünïcode <redacted> ✓")
        #expect(redactor.text("tok stays: too short to be a secret") == "tok stays: too short to be a secret")
        #expect(redactor.text("nothing here") == "nothing here")
        #expect(redactor.text("s3cr3") == "s3cr3")
        #expect(redactor.text("s3cr3ts3cr3t-longers3cr3t") == "<redacted><redacted><redacted>")
        #expect(
            redactor.text(String(repeating: "x", count: 5000) + "s3cr3t") == String(repeating: "x", count: 5000)
                + "<redacted>")
    }

    @Test("credential headers lose their value but keep the scheme or cookie name")
    func headers() {
        /// A header value as a report shows it: masked in the transcript, then searched for secrets.
        func shown(_ name: String, _ value: String) -> String { redactor.text(Redactor.maskingCredential(name, value)) }
        #expect(shown("Authorization", "Bearer abc") == "Bearer <redacted>")
        #expect(shown("Cookie", "Tier3.API.Cookie=xyz") == "Tier3.API.Cookie=<redacted>")
        #expect(shown("X-Echo", "was s3cr3t") == "was <redacted>")
        #expect(
            shown("authorization", "  AWS4-HMAC-SHA256 Credential=AKID/x, Signature=ab")
                == "AWS4-HMAC-SHA256 <redacted>")
        #expect(shown("Authorization", "   ") == "<redacted>")
        #expect(shown("Proxy-Authorization", "Basic abc") == "<redacted>")
        #expect(shown("Set-Cookie", "session=abc; Path=/") == "session=<redacted>")
        #expect(shown("X-Amz-Security-Token", "token") == "<redacted>")
        #expect(shown("X-Amz-Date", "20260101T000000Z") == "20260101T000000Z")
    }
}
