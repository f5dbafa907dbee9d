import ConformanceModel
import Foundation

/// Parses each documented timestamp spelling strictly, so a near miss (an offset without a colon) fails.
enum Timestamps {
    private static let rfc3339 = "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
    private static let rfc3339UTC = "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|\\+00:00)"
    /// xs:dateTime: the zone is optional.
    private static let isoLocal = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?"
    private static let msDate = "/Date\\((-?[0-9]+)\\)/"

    /// The instant `text` denotes in `format`, or nil when it is not written that way.
    static func parse(_ value: JSONValue?, lexical text: String, format: ResponseField.TimestampFormat) -> Date? {
        switch format {
        case .epochSeconds:
            switch value {
            case .integer(let seconds)?: return Date(timeIntervalSince1970: Double(seconds))
            case .number(let seconds)?: return Date(timeIntervalSince1970: seconds)
            case nil: return Double(text).map(Date.init(timeIntervalSince1970:))
            default: return nil
            }
        case .rfc3339:
            guard WholeMatch.matches(rfc3339, text) else { return nil }
            return iso(text, zone: nil)
        case .rfc3339UTC:
            guard WholeMatch.matches(rfc3339UTC, text) else { return nil }
            return iso(text, zone: nil)
        case .isoLocal:
            guard WholeMatch.matches(isoLocal, text) else { return nil }
            // Without a zone the value is read as GMT, as the seed documents StatusDate.
            return iso(WholeMatch.matches(".*([Zz]|[+-][0-9]{2}:[0-9]{2})", text) ? text : text + "Z", zone: nil)
        case .msDate:
            guard WholeMatch.matches(msDate, text) else { return nil }
            let digits = text.dropFirst("/Date(".count).dropLast(")/".count)
            return Int64(digits).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
    }

    /// `2022-07-06T20:25:11.0+0000` (an offset without its colon, as Oracle's Example 2 writes it).
    static func parseBasicOffset(_ text: String) -> Date? {
        guard WholeMatch.matches(".*[+-][0-9]{4}", text) else { return nil }
        var characters = Array(text)
        characters.insert(":", at: characters.count - 2)
        return iso(String(characters), zone: nil)
    }

    private static func iso(_ text: String, zone: TimeZone?) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text.uppercased())
    }
}
