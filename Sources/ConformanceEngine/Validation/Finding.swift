import ConformanceModel

/// One broken rule in one answer: which rule, what was expected, what came back, and where the rule is written.
package struct Finding: Sendable, Hashable, Codable {
    /// The profile id of the rule (`codecatalyst.response.json.status`) or, for rules of the wire itself,
    /// `<api>.<format>.status`, `.content-type`, `.parse`, `.root`, `.schema`, `.error-code`, `.lifecycle`.
    package var rule: String
    /// The kind of check, used as the JUnit failure `type`.
    package var kind: Kind
    package var expected: String
    package var actual: String
    /// Citation of the rule's source, when the rule comes from a document.
    package var source: String?
    /// Required rules fail a case; recommended ones warn.
    package var level: Level

    /// `check` in results files, as written before the member was named for what it holds: a baseline written then is
    /// still read.
    enum CodingKeys: String, CodingKey {
        case rule = "check"
        case kind, expected, actual, source, level
    }

    package enum Kind: String, Sendable, Hashable, Codable {
        case status
        case contentType = "content-type"
        case parse, root, schema, field, invariant
        case errorCode = "error-code"
        case errorBody = "error-body"
        case header, lifecycle, transport, state
    }

    package init(
        rule: String, kind: Kind, expected: String, actual: String, source: String? = nil, level: Level = .required
    ) {
        self.rule = rule
        self.kind = kind
        self.expected = expected
        self.actual = actual
        self.source = source
        self.level = level
    }

    /// `[status] codecatalyst.error.ValidationException: expected HTTP 400; got HTTP 404 — seed:003 line 161: "…"`,
    /// with `warning:` in front when the rule only recommends.
    package var line: String {
        (level == .recommended ? "warning: " : "")
            + "[\(kind.rawValue)] \(rule): expected \(expected); got \(actual)\(source.map { " — \($0)" } ?? "")"
    }

    /// This finding at no more than `ceiling`.
    package func capped(at ceiling: Level) -> Finding {
        var copy = self
        copy.level = level.capped(at: ceiling)
        return copy
    }
}
