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

@Suite("The timestamp shape read byte by byte agrees with the regular expressions it replaces")
struct IsoShapeTests {
    static let rfc3339 =
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
    static let rfc3339UTC = "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|\\+00:00)"
    static let isoLocal =
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?"

    @Test(
        "RFC 3339, RFC 3339 in UTC, xs:dateTime",
        arguments: [
            "2025-11-24T16:00:00Z", "2025-11-24t16:00:00z", "2025-11-24T16:00:00.123+01:00", "2025-11-24T16:00:00",
            "2025-11-24T16:00:00+00:00", "2025-11-24T16:00:00-00:00", "2025-11-24T16:00:00.Z",
            "2025-11-24T16:00:00+0100",
            "2025-11-24T16:00:00+01:0", "2025-11-24T16:00:00ZZ", "2025-11-24 16:00:00Z", "2025-1-24T16:00:00Z",
            "２025-11-24T16:00:00Z", "2025-11-24T16:00:00Z\n", "", "2025-11-24T16:00:00.5", "2025-11-24T16:00:00+01:00x",
            "99999-11-24T16:00:00Z", "2025-11-24T16:00:00.12.3Z",
        ])
    func agrees(_ text: String) throws {
        func regex(_ pattern: String) throws -> Bool {
            try NSRegularExpression(pattern: "\\A(?:\(pattern))\\z")
                .firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        let loose = IsoShape(text, lowercaseT: true)
        #expect((loose != nil && loose?.zone != nil) == (try regex(Self.rfc3339)))
        #expect((loose?.zone == .utc) == (try regex(Self.rfc3339UTC)))
        #expect((IsoShape(text, lowercaseT: false) != nil) == (try regex(Self.isoLocal)))
    }
}
