import Foundation
import Synchronization

/// Documented patterns are read as whole-value rules (see each profile's `pattern-anchoring` anomaly),
/// so every match here is anchored at both ends.
public enum WholeMatch {
    public static let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    public static let integer = "-?[0-9]+"

    public static func matches(_ pattern: String, _ value: String) -> Bool {
        if pattern == ".+" { return !value.isEmpty && !value.contains(where: \.isNewline) }
        if pattern == integer { return isInteger(value) }
        if pattern == uuid { return isUUID(value) }
        if let matched = literalMatch(pattern, value) { return matched }
        guard let expression = compile(pattern) else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
    }

    /// Nil when the pattern is not a valid regular expression; profile loading reports that case. Compiled once per
    /// pattern: matching runs for every field of every answer and every input the reference server checks.
    public static func compile(_ pattern: String) -> NSRegularExpression? {
        cache.expression(for: pattern)
    }

    private static let cache = ExpressionCache()

    /// `-?[0-9]+`, ASCII digits only, as the expression reads it.
    private static func isInteger(_ value: String) -> Bool {
        let digits = value.utf8.first == UInt8(ascii: "-") ? value.utf8.dropFirst() : value.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `uuid`: 8-4-4-4-12 hex digits of either case.
    private static func isUUID(_ value: String) -> Bool {
        guard value.utf8.count == 36 else { return false }
        for (index, byte) in value.utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let lower = byte | 0x20
                guard (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
            }
        }
        return true
    }

    /// Whether `pattern` is `A|B|C` of ASCII letters, digits and `_` only, no alternative empty: names, not an
    /// expression (an empty alternative would match the empty value).
    public static func isLiteral(_ pattern: String) -> Bool {
        let bar = UInt8(ascii: "|")
        var previous = bar
        for byte in pattern.utf8 {
            let word =
                byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            guard word || (byte == bar && previous != bar) else { return false }
            previous = byte
        }
        return previous != bar
    }

    /// `A|B|C` of letters, digits and `_` only (most error codes): matched as a whole by comparing bytes, which is
    /// what the expression would do, without the regex engine's cost on every answer. Nil for any other pattern.
    private static func literalMatch(_ pattern: String, _ value: String) -> Bool? {
        guard isLiteral(pattern) else { return nil }
        let bar = UInt8(ascii: "|")
        var start = pattern.utf8.startIndex
        while start < pattern.utf8.endIndex {
            let end = pattern.utf8[start...].firstIndex(of: bar) ?? pattern.utf8.endIndex
            if pattern.utf8[start..<end].elementsEqual(value.utf8) { return true }
            start = end == pattern.utf8.endIndex ? end : pattern.utf8.index(after: end)
        }
        return false
    }
}

/// Compiled expressions by pattern, including the patterns that do not compile (remembered as nil).
private final class ExpressionCache: Sendable {
    private let compiled = Mutex<[String: NSRegularExpression?]>([:])

    func expression(for pattern: String) -> NSRegularExpression? {
        compiled.withLock { compiled in
            if let known = compiled[pattern] { return known }
            // `\A…\z`, not `^…$`: ICU's `$` also matches before a final line break, which would let "abc\n" through.
            let expression = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z", options: [])
            compiled[pattern] = expression
            return expression
        }
    }
}
