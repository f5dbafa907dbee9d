import ConformanceModel
import Foundation
import Testing

@testable import ConformanceEngine

@Suite("Timestamps: each documented spelling read strictly, to the same instant Foundation reads")
struct TimestampTests {
    static let valid = [
        "2021-07-27T18:52:57.406Z", "2021-07-27t18:52:57z", "2024-02-29T23:59:59+05:30", "1969-12-31T23:59:59.5-08:00",
        "2000-01-01T00:00:00+00:00", "2100-12-31T12:00:00.123456Z",
    ]

    @Test("RFC 3339 values give the instant ISO8601DateFormatter gives", arguments: valid)
    func sameInstant(_ text: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions =
            text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let expected = try #require(formatter.date(from: text.uppercased()))
        let parsed = try #require(Timestamps.parse(nil, lexical: text, format: .rfc3339))
        #expect(abs(parsed.timeIntervalSince(expected)) < 0.001)
    }

    @Test(
        "impossible dates and near misses are refused",
        arguments: [
            "2023-02-29T00:00:00Z", "2021-13-01T00:00:00Z", "2021-04-31T00:00:00Z", "2021-07-27T24:00:00Z",
            "2021-07-27T18:60:00Z", "2021-07-27T18:52:57+0000", "2021-07-27 18:52:57Z", "2021-07-27T18:52:57",
        ])
    func refused(_ text: String) {
        #expect(Timestamps.parse(nil, lexical: text, format: .rfc3339) == nil)
    }

    @Test("xs:dateTime without a zone is read as UTC; the basic offset form is read as an offset")
    func localAndBasic() throws {
        let local = try #require(Timestamps.parse(nil, lexical: "2025-11-24T16:00:00", format: .isoLocal))
        #expect(local == Date(timeIntervalSince1970: 1_764_000_000))
        #expect(Timestamps.parseBasicOffset("2025-11-24T17:00:00.0+0100") == Date(timeIntervalSince1970: 1_764_000_000))
        #expect(Timestamps.parse(nil, lexical: "2025-11-24T16:00:00+01:00", format: .rfc3339UTC) == nil)
    }
}
