/// How one wire format of the operation is spoken: the request line, fixed parameters, where each input goes,
/// and what the answer must be labelled as.
public struct FormatBinding: Codable, Sendable, Hashable {
    public var format: WireFormat
    public var method: String
    /// Path with `{input}` placeholders; values are percent-encoded into a single segment each.
    public var path: String
    public var query: [String: String]
    public var headers: [String: String]
    public var body: BodyBinding?
    /// Input name → where that input travels in this format.
    public var placement: [String: Placement]
    /// The media type a success answer must carry (compared without parameters such as `charset`).
    public var responseContentType: String
    /// What states the answer's media type.
    public var source: Source
    /// Where the documents show a request of this format signed in its query string (a presigned SigV4 URL): such a
    /// request must be served as the signed header form is.
    public var presignedExample: Source?

    public enum Placement: String, Codable, Sendable, Hashable {
        case path, query, header, body
    }
}

extension FormatBinding: Graded {
    public var level: Level? { nil }
    public var levelReason: String? { nil }
    public var levelSources: [Source] { [source] }
    /// The request line is the suite's to send; what it asserts of the answer is its media type.
    public var facts: [Fact] { [.mediaType] }
}

/// The request body, when the format has one.
public struct BodyBinding: Codable, Sendable, Hashable {
    public var encoding: WireFormat
    public var contentType: String
    /// Root element for XML bodies.
    public var root: String?
}

/// How a caller proves who it is.
public struct AuthScheme: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case sigv4
        case bearer
        /// CenturyLink v1: log on once, then present the session cookie.
        case sessionCookie = "session-cookie"
    }
    public var scheme: Kind
    /// SigV4 signing name (`cloudcontrolapi`, `s3`).
    public var service: String?
    /// Session log-on path for `session-cookie`.
    public var logonPath: String?
    public var cookieName: String?
    public var source: Source
}
