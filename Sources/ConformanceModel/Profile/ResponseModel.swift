/// What a success answer in one format must contain.
public struct ResponseModel: Codable, Sendable, Hashable {
    public var format: String
    /// XML only: the root element's name and namespace (empty for none), checked before anything else.
    public var root: String?
    public var namespace: String?
    /// XML only: XSD in `Conformance/xsd/` the document must satisfy.
    public var schema: String?
    public var fields: [ResponseField]
    public var invariants: [Invariant]
}

/// One field of an answer. `path` is dotted for JSON (`ProgressEvent.EventTime`, `resources[].id`) and an XPath
/// for XML, with prefix `ns` bound to the response namespace.
public struct ResponseField: Codable, Sendable, Hashable {
    public enum FieldType: String, Codable, Sendable, Hashable {
        case string, integer, number, boolean, timestamp, array, object
    }
    public enum TimestampFormat: String, Codable, Sendable, Hashable {
        /// RFC 3339 with zone (`2022-10-31T16:48:41.123Z`).
        case rfc3339
        /// Seconds since the epoch as a JSON number (awsJson1.0 timestamps).
        case epochSeconds = "epoch-seconds"
        /// `\/Date(1275097729527)\/`, milliseconds since the epoch (CenturyLink JSON).
        case msDate = "ms-date"
        /// ISO 8601 date-time without a zone (CenturyLink XML).
        case isoLocal = "iso-local"
    }

    public var id: String
    public var path: String
    public var type: FieldType
    public var required: Bool
    public var enumeration: [String]?
    public var pattern: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Double?
    public var maximum: Double?
    public var timestamp: TimestampFormat?
    public var sources: [Source]
}

/// A rule that ties fields to each other or to the request.
public struct Invariant: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// `field` equals the value sent for `input`.
        case echoesInput = "echoes-input"
        /// Timestamp `field`, when present, is not earlier than timestamp `other`.
        case notBefore = "not-before"
        /// `field == value` exactly when `other == otherValue`.
        case iff
    }
    public var id: String
    public var kind: Kind
    public var field: String
    public var input: String?
    public var other: String?
    public var value: String?
    public var otherValue: String?
    public var source: Source
}
