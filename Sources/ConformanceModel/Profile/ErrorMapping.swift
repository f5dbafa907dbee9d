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
        /// One of the format's fixed query parameters (`parameter`) given `value` instead, or left out when `value`
        /// is absent: the query protocol's `Action` and `Version`.
        case queryParameter = "query-parameter"
    }

    public var id: String
    /// Nil when the documents give no HTTP status for the error; then only the body is checked.
    public var status: Int?
    /// Matched as a whole-value regular expression, so "some code" can be written `.+`. Nil when the documents name
    /// no code and no form for the answer (CenturyLink's unknown format suffix): then only the refusal, and the status
    /// if given, is asserted, and the error form is not.
    public var code: String?
    public var provokedBy: Provocation
    public var fixture: String?
    /// For `query-parameter`: the fixed query parameter changed, and the value sent instead (absent: left out).
    public var parameter: String?
    public var value: String?
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
        guard code != nil else { return status.map { "HTTP \($0)" } ?? "a refusal in any form" }
        switch status {
        case let status?:
            return "HTTP \(status)" + (codeIsAny ? "" : codeIsLiteral ? " \(codeText)" : " with a code \(codeText)")
        case nil: return codeIsLiteral ? "error code \(codeText)" : "an error code" + (codeIsAny ? "" : " \(codeText)")
        }
    }

    /// The documented code as a reader writes it: `ValidationException | ValidationError`, `matching [1-9][0-9]*`, or
    /// "" where any code will do (`.+`).
    public var codeText: String {
        guard let code, !codeIsAny else { return "" }
        return codeIsLiteral ? code.split(separator: "|").joined(separator: " | ") : "matching \(code)"
    }

    private var codeIsAny: Bool { code == ".+" }

    private var codeIsLiteral: Bool { code.map(WholeMatch.isLiteral) ?? false }
}

extension ErrorMapping: Graded {
    public var levelSources: [Source] { [source] }

    public var facts: [Fact] {
        (status == nil ? [] : [.status]) + (code == nil || codeIsAny ? [] : [.code])
            + (requiredHeaders.isEmpty ? [] : [.headers])
    }
}

/// Where an error answer in one format keeps its code, and what else it must hold.
public struct ErrorForm: Codable, Sendable, Hashable {
    /// Tried in order: `header:NAME`, `json:FIELD`, or `xpath:EXPR` (prefix `ns` bound to `namespace`). Empty when
    /// `reader` reads the code.
    public var codeAt: [String]
    /// The AWS protocol whose error answers these are: the code and message are then read exactly as botocore's
    /// parser for that protocol reads them, and `codeAt` is not used.
    public var reader: AWSProtocol?
    public var format: WireFormat
    public var namespace: String?
    /// Fields (JSON names or XPaths) every error body must have, e.g. `message`.
    public var requiredFields: [String]
    /// Fields whose value every error body must show (CenturyLink: `Success` is `false`).
    public var fixedValues: [String: String]?
    public var contentType: String
    /// What states each fact of the form: where the code is kept, its media type, its members.
    public var sources: [Source]
}

/// The AWS wire protocols, each with its own error shape.
public enum AWSProtocol: String, Codable, Sendable, Hashable {
    /// awsJson1.0/1.1: `__type` in the body (a `namespace#` prefix and a `:detail` suffix dropped).
    case awsJSON = "aws-json"
    /// restJson1: the `x-amzn-ErrorType` header, else the body's `code`, else its `__type`.
    case restJSON = "rest-json"
    /// The query protocol: `Error/Code` under any root, namespaces ignored.
    case awsQuery = "aws-query"
    /// restXml: an `<Error>` root (S3), or an `Error` child of any other root.
    case restXML = "rest-xml"
}

extension ErrorForm: Graded {
    public var level: Level? { nil }
    public var levelReason: String? { nil }
    public var levelSources: [Source] { sources }

    public var facts: [Fact] {
        [.mediaType, .code] + (requiredFields.isEmpty && (fixedValues ?? [:]).isEmpty ? [] : [.members])
    }
}
