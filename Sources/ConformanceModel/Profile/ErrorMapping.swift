/// One documented error: the status, the code, and what provokes it.
public struct ErrorMapping: Codable, Sendable, Hashable {
    public enum Provocation: String, Codable, Sendable, Hashable {
        /// Any input that breaks a documented rule (the input's `rejection`).
        case invalidInput = "invalid-input"
        /// A well-formed id that names nothing.
        case unknownId = "unknown-id"
        /// A fixture role the target provides (`fixture`).
        case fixture
        case authMissing = "auth-missing"
        case authInvalid = "auth-invalid"
        case authMalformed = "auth-malformed"
        /// An unparsable request body.
        case malformedBody = "malformed-body"
        /// The format's path with its last segment (the format suffix) replaced by one the API does not speak.
        case unsupportedFormat = "unsupported-format"
    }

    public var id: String
    /// Nil when the documents give no HTTP status for the error; then only the body is checked.
    public var status: Int?
    /// Matched as a whole-value regular expression, so an undocumented code can be written `.+`.
    public var code: String
    public var provokedBy: Provocation
    public var fixture: String?
    /// Headers the answer must carry (`Retry-After` on throttling).
    public var requiredHeaders: [String]
    public var source: Source
    public var level: Level?
    public var levelReason: String?
}

extension ErrorMapping {
    /// The answer this mapping documents, as summaries and verdicts write it: `HTTP 404 ResourceNotFoundException`,
    /// `HTTP 400 ValidationException | ValidationError` for alternatives, `HTTP 401` where any code will do (`.+`),
    /// `error code 3` or `an error code matching [1-9][0-9]*` where the documents give no status.
    public var answerText: String {
        switch status {
        case let status?:
            return "HTTP \(status)" + (codeIsAny ? "" : codeIsLiteral ? " \(codeText)" : " with a code \(codeText)")
        case nil: return codeIsLiteral ? "error code \(codeText)" : "an error code" + (codeIsAny ? "" : " \(codeText)")
        }
    }

    /// The documented code as a reader writes it: `ValidationException | ValidationError`, `matching [1-9][0-9]*`, or
    /// "" where any code will do (`.+`).
    public var codeText: String {
        if codeIsAny { return "" }
        return codeIsLiteral ? code.split(separator: "|").joined(separator: " | ") : "matching \(code)"
    }

    private var codeIsAny: Bool { code == ".+" }

    private var codeIsLiteral: Bool { WholeMatch.isLiteral(code) }
}

extension ErrorMapping: Graded {
    public var levelSources: [Source] { [source] }
}

/// Where an error answer in one format keeps its code, and what else it must hold.
public struct ErrorForm: Codable, Sendable, Hashable {
    /// Tried in order: `header:NAME`, `json:FIELD`, or `xpath:EXPR` (prefix `ns` bound to `namespace`).
    public var codeAt: [String]
    public var format: WireFormat
    public var namespace: String?
    /// Fields (JSON names or XPaths) every error body must have, e.g. `message`.
    public var requiredFields: [String]
    /// Fields whose value every error body must show (CenturyLink: `Success` is `false`).
    public var fixedValues: [String: String]?
    public var contentType: String
    public var source: Source
}

extension ErrorForm: Graded {
    public var level: Level? { nil }
    public var levelReason: String? { nil }
    public var levelSources: [Source] { [source] }
}
