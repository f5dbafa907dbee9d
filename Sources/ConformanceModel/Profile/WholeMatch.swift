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

    /// Nil when the pattern is not a valid regular expression; profile loading reports that case.
    public static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [])
    }
}
