import Foundation

/// Documented patterns are read as whole-value rules (see each profile's `pattern-anchoring` anomaly),
/// so every match here is anchored at both ends.
public enum WholeMatch {
    public static let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    public static let integer = "-?[0-9]+"

    public static func matches(_ pattern: String, _ value: String) -> Bool {
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
