/// What a success answer in one format must contain.
public struct ResponseModel: Codable, Sendable, Hashable {
    public var format: WireFormat
    /// XML only: the root element's name and namespace (empty for none), checked before anything else.
    public var root: String?
    public var namespace: String?
    /// XML only: XSD in `Conformance/xsd/` the document must satisfy.
    public var schema: String?
    /// XML only: elements and attributes are matched by local name, whatever their namespace, as the protocol's
    /// clients read them (botocore's query parser drops every namespace). `namespace` is then not asserted, and the
    /// paths and the schema are read against the answer with its namespaces taken away.
    public var localNames: Bool?
    /// What states the root's name and namespace (`facts`: `root`, `namespace`).
    public var sources: [Source]?
    public var fields: [ResponseField]
    public var invariants: [Invariant]
}

extension ResponseModel: Graded {
    public var level: Level? { nil }
    public var levelReason: String? { nil }
    public var levelSources: [Source] { sources ?? [] }
    public var facts: [Fact] {
        (root == nil ? [] : [.root]) + (namespace == nil || localNames == true ? [] : [.namespace])
    }
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
        /// RFC 3339 in UTC: zone `Z` or `+00:00` (CodeCatalyst: "in coordinated universal time (UTC)").
        case rfc3339UTC = "rfc3339-utc"
        /// Seconds since the epoch as a JSON number (awsJson1.0 timestamps).
        case epochSeconds = "epoch-seconds"
        /// `\/Date(1275097729527)\/`, milliseconds since the epoch (CenturyLink JSON).
        case msDate = "ms-date"
        /// ISO 8601 date-time, zone optional as xs:dateTime has it (CenturyLink XML).
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
    /// A spelling the documents' own examples show where the documented form says otherwise: it passes with a warning.
    public var exampleForm: ExampleForm?
    /// XML only: the element may occur more than once (a list member). Any other member found twice is ambiguous,
    /// since clients disagree on which occurrence counts.
    public var repeats: Bool?
    public var sources: [Source]
    public var level: Level?
    public var levelReason: String?
}

extension ResponseField: Graded {
    public var levelSources: [Source] { sources }

    public var facts: [Fact] {
        var facts: [Fact] = required ? [.presence, .type] : [.type]
        if enumeration != nil { facts.append(.enumeration) }
        if pattern != nil { facts.append(.pattern) }
        if minLength != nil || maxLength != nil { facts.append(.length) }
        if minimum != nil || maximum != nil { facts.append(.range) }
        return facts
    }

    /// Whether a path may find several values: a JSON path through an array (`resources[].id`), or a repeating XML
    /// element.
    public var manyValued: Bool { repeats == true || path.contains("[]") }
}

/// A value shape that a document's own example uses against its schema, and the anomaly entry that records it.
public struct ExampleForm: Codable, Sendable, Hashable {
    /// Whole-value pattern of the example's spelling.
    public var pattern: String
    public var anomaly: String
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
        /// When `field == value`, `other == otherValue` (Oracle: SUCCEEDED means 100 percent complete).
        case implies
    }
    public var id: String
    public var kind: Kind
    public var field: String
    public var input: String?
    public var other: String?
    public var value: String?
    public var otherValue: String?
    public var source: Source
    public var level: Level?
    public var levelReason: String?
}

extension Invariant: Graded {
    public var levelSources: [Source] { [source] }
    public var facts: [Fact] { [.rule] }
}
