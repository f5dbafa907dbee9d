import Foundation

/// Documented patterns are read as whole-value rules (see each profile's `pattern-anchoring` anomaly),
/// so every match here is anchored at both ends.
public enum WholeMatch {
    public static let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    public static let integer = "-?[0-9]+"

    public static func matches(_ pattern: String, _ value: String) -> Bool {
        if pattern == ".+" { return !value.isEmpty && !value.contains(where: \.isNewline) }
        if let names = literalAlternatives(pattern) { return names.contains { $0 == value } }
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

    /// `A|B|C` of letters, digits and `_` only (most error codes): matched as a whole by string comparison, which is
    /// what the expression would do, without the regex engine's cost on every answer.
    private static func literalAlternatives(_ pattern: String) -> [Substring]? {
        var plain = true
        for byte in pattern.utf8
        where
            !(byte == UInt8(ascii: "|") || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39)
            || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A))
        {
            plain = false
            break
        }
        guard plain, !pattern.isEmpty else { return nil }
        let names = pattern.split(separator: "|", omittingEmptySubsequences: false)
        return names.contains(where: \.isEmpty) ? nil : names
    }
}

/// Compiled expressions by pattern, including the patterns that do not compile (remembered as nil).
private final class ExpressionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    func expression(for pattern: String) -> NSRegularExpression? {
        lock.withLock {
            if let known = compiled[pattern] { return known }
            // `\A…\z`, not `^…$`: ICU's `$` also matches before a final line break, which would let "abc\n" through.
            let expression = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z", options: [])
            compiled[pattern] = expression
            return expression
        }
    }
}
