import ConformanceModel
import Foundation

/// Parses each documented timestamp spelling strictly, so a near miss (an offset without a colon) fails.
enum Timestamps {
    /// `/Date(1275097729527)/`, or with the offset .NET writes for a local time (`/Date(1275097729527-0700)/`): the
    /// milliseconds count from the epoch in UTC either way, the offset only says where the time was local.
    private static let msDate = "/Date\\((-?[0-9]+)([+-][0-9]{4})?\\)/"

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
            guard let shape = IsoShape(text, lowercaseT: true), shape.zone != nil else { return nil }
            return iso(text)
        case .rfc3339UTC:
            guard let shape = IsoShape(text, lowercaseT: true), shape.zone == .utc else { return nil }
            return iso(text)
        case .isoLocal:
            // xs:dateTime: the zone is optional; without one the value is read as GMT, as the seed documents
            // StatusDate.
            guard let shape = IsoShape(text, lowercaseT: false) else { return nil }
            return iso(shape.zone == nil ? text + "Z" : text)
        case .msDate:
            guard WholeMatch.matches(msDate, text) else { return nil }
            var digits = text.dropFirst("/Date(".count).dropLast(")/".count)
            if digits.count > 5, let sign = digits.dropLast(4).last, sign == "+" || sign == "-" {
                digits = digits.dropLast(5)
            }
            return Int64(digits).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
    }

    /// `2022-07-06T20:25:11.0+0000` (an offset without its colon, as Oracle's Example 2 writes it).
    static func parseBasicOffset(_ text: String) -> Date? {
        guard WholeMatch.matches(".*[+-][0-9]{4}", text) else { return nil }
        var characters = Array(text)
        characters.insert(":", at: characters.count - 2)
        return iso(String(characters))
    }

    /// The instant of `yyyy-MM-ddTHH:mm:ss(.fraction)(Z|±hh:mm)`, whose shape the caller has already matched; nil for an
    /// impossible date or time (February 30th, hour 24). Read field by field: a formatter per value cost ICU's locale
    /// set-up on every timestamp of every answer, most of a validation's time.
    private static func iso(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours < 24, minutes < 60 else {
                return nil
            }
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        let seconds =
            daysFromEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// `yyyy-MM-ddTHH:mm:ss(.fraction)(Z|±hh:mm)?` checked byte by byte, ASCII digits only: the shape the RFC 3339 and
/// xs:dateTime spellings share, told apart by their zone. (These were regular expressions run on every timestamp of
/// every answer.)
struct IsoShape {
    enum Zone: Equatable {
        /// `Z`, `z` or `+00:00`.
        case utc
        /// Any other `±hh:mm`.
        case offset
    }

    /// Nil: no zone written.
    let zone: Zone?

    /// Nil when `text` is not of the shape; `lowercaseT` allows `t` as the separator (RFC 3339 does, xs:dateTime not).
    init?(_ text: String, lowercaseT: Bool) {
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Bool {
            from + count <= bytes.count && bytes[from..<(from + count)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard digits(0, 4), byte(4, is: "-"), digits(5, 2), byte(7, is: "-"), digits(8, 2),
            byte(10, is: "T") || (lowercaseT && byte(10, is: "t")), digits(11, 2), byte(13, is: ":"), digits(14, 2),
            byte(16, is: ":"), digits(17, 2)
        else { return nil }
        var index = 19
        if byte(index, is: ".") {
            index += 1
            guard digits(index, 1) else { return nil }
            while digits(index, 1) { index += 1 }
        }
        switch bytes.count - index {
        case 0: zone = nil
        case 1 where byte(index, is: "Z") || byte(index, is: "z"): zone = .utc
        case 6
        where (byte(index, is: "+") || byte(index, is: "-")) && digits(index + 1, 2) && byte(index + 3, is: ":")
            && digits(index + 4, 2):
            zone = bytes[index...].elementsEqual("+00:00".utf8) ? .utc : .offset
        default: return nil
        }
    }
}
