import ConformanceModel
import Foundation

/// Parses each documented timestamp spelling strictly, so a near miss (an offset without a colon) fails.
enum Timestamps {
    private static let rfc3339 = "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
    private static let isoLocal = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
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
        case .isoLocal:
            guard WholeMatch.matches(isoLocal, text) else { return nil }
            return iso(text + "Z", zone: nil)
        case .msDate:
            guard WholeMatch.matches(msDate, text) else { return nil }
            let digits = text.dropFirst("/Date(".count).dropLast(")/".count)
            return Int64(digits).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
    }

    private static func iso(_ text: String, zone: TimeZone?) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text.uppercased())
    }
}
