/// One broken rule in one answer: which rule, what was expected, what came back, and where the rule is written.
public struct CheckFailure: Sendable, Hashable, Codable {
    /// The profile id of the rule (`codecatalyst.response.json.status`) or, for rules of the wire itself,
    /// `<api>.<format>.status`, `.content-type`, `.parse`, `.root`, `.schema`, `.error-code`, `.lifecycle`.
    public var check: String
    /// The kind of check, used as the JUnit failure `type`.
    public var kind: Kind
    public var expected: String
    public var actual: String
    /// Citation of the rule's source, when the rule comes from a document.
    public var source: String?

    public enum Kind: String, Sendable, Hashable, Codable {
        case status, contentType = "content-type", parse, root, schema, field, invariant, errorCode = "error-code"
        case errorBody = "error-body", header, lifecycle, transport
    }

    public init(check: String, kind: Kind, expected: String, actual: String, source: String? = nil) {
        self.check = check
        self.kind = kind
        self.expected = expected
        self.actual = actual
        self.source = source
    }

    public var line: String {
        "[\(kind.rawValue)] \(check): expected \(expected); got \(actual)\(source.map { " — \($0)" } ?? "")"
    }
}
