import ConformanceModel

/// One request the suite sends and what must come back, derived from a profile's constraints.
///
/// The id is stable across runs (`codecatalyst.spaceName.length.max+1`) so reports, known divergences and
/// `--case` globs can name it.
public struct DerivedCase: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let api: String
    public let family: CaseFamily
    public let format: WireFormat
    /// Profile ids (constraints, response fields, invariants, error mappings) this case exercises.
    public let covers: [String]
    public let summary: String
    package let request: RequestPlan
    package let expectation: ExpectedAnswer
    /// The level of the case's own expectation: `recommended` when only rules of that level say the value is invalid
    /// (CenturyLink `' 7'`), so a target that accepts it is warned, not failed.
    public let level: Level

    /// This case's request in another format (an agreement asks in each).
    package func asked(in format: WireFormat) -> DerivedCase {
        DerivedCase(
            id: id, api: api, family: family, format: format, covers: covers, summary: summary, request: request,
            expectation: expectation, level: level)
    }

    package init(
        id: String, api: String, family: CaseFamily, format: WireFormat, covers: [String],
        summary: String, request: RequestPlan, expectation: ExpectedAnswer, level: Level = .required
    ) {
        self.level = level
        self.id = id
        self.api = api
        self.family = family
        self.format = format
        self.covers = covers
        self.summary = summary
        self.request = request
        self.expectation = expectation
    }
}

/// The kind of rule a case checks; it names the JUnit classname and the Swift Testing function.
public enum CaseFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case input, errors, auth, response, lifecycle
}

/// What to change, relative to a well-formed request, to make this case's request.
package struct RequestPlan: Sendable, Hashable, Codable {
    /// Fixture role whose values the request starts from; nil means the target's default input values.
    package var fixture: String?
    /// Input name → value to send instead, or nil to leave the input out.
    package var overrides: [String: Override]
    package var auth: AuthMode
    /// Sent instead of the encoded body (malformed-body cases).
    package var rawBody: String?
    /// Sent instead of the format's path (unsupported-format cases).
    package var path: String?
    /// Inputs written as JSON strings in a JSON body whatever their type (a documented sample's own spelling).
    package var jsonStrings: [String]?
    /// The format's fixed query parameters changed: a value, or nil to leave the parameter out (`Action`, `Version`).
    package var queryChanges: [String: Override]?

    package init(
        fixture: String? = nil, overrides: [String: Override] = [:], auth: AuthMode = .valid, rawBody: String? = nil,
        path: String? = nil, jsonStrings: [String]? = nil, queryChanges: [String: Override]? = nil
    ) {
        self.fixture = fixture
        self.overrides = overrides
        self.auth = auth
        self.rawBody = rawBody
        self.path = path
        self.jsonStrings = jsonStrings
        self.queryChanges = queryChanges
    }

    /// In JSON: the value as a string, or `null` for an input left out.
    package enum Override: Sendable, Hashable, Codable {
        case value(String)
        case omitted

        package init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            self = container.decodeNil() ? .omitted : .value(try container.decode(String.self))
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .value(let value): try container.encode(value)
            case .omitted: try container.encodeNil()
            }
        }
    }
}

package enum AuthMode: String, Sendable, Hashable, Codable {
    case valid, missing, invalid, malformed
    /// Valid SigV4 credentials, signed into the query string as a presigned URL (the Cloud Control seed's example).
    case presigned
}

/// What the target must answer. In JSON: `{"outcome": "success" | "lifecycle"}`,
/// `{"outcome": "accepted", "mapping": "<the input's rejection>"}`, or
/// `{"outcome": "error" | "rejection-or-router", "mapping": "<error mapping id>"}`.
package enum ExpectedAnswer: Sendable, Hashable, Codable {
    /// 200 with a body that satisfies the format's response model.
    case success
    /// A valid value that may name nothing: 200 as for `success`, or one of the profile's accepted outcomes,
    /// but never the input's rejection (the mapping named).
    case accepted(rejection: String)
    /// The given error mapping.
    case error(String)
    /// A path value that changes the route (empty, `/`, `..`): the given rejection, or, with a warning, any other
    /// protocol error a router answers before the operation runs; never a success.
    case rejectionOrRouter(String)
    /// Polled until terminal; every answer a success and the progression rules kept.
    case lifecycle
    /// The fixture asked about in every format the agreement names; its field must name the same value in each.
    case agreement(String)

    /// The error mapping the case expects or must not meet.
    package var mapping: String? {
        switch self {
        case .accepted(let id), .error(let id), .rejectionOrRouter(let id): return id
        case .success, .lifecycle, .agreement: return nil
        }
    }
}

extension ExpectedAnswer {
    private enum Keys: String, CodingKey { case outcome, mapping }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .outcome) {
        case "success": self = .success
        case "accepted": self = .accepted(rejection: try container.decode(String.self, forKey: .mapping))
        case "lifecycle": self = .lifecycle
        case "error": self = .error(try container.decode(String.self, forKey: .mapping))
        case "rejection-or-router": self = .rejectionOrRouter(try container.decode(String.self, forKey: .mapping))
        case "agreement": self = .agreement(try container.decode(String.self, forKey: .mapping))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .outcome, in: container, debugDescription: "unknown outcome '\(other)'")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .success: try container.encode("success", forKey: .outcome)
        case .lifecycle: try container.encode("lifecycle", forKey: .outcome)
        case .accepted(let mapping):
            try container.encode("accepted", forKey: .outcome)
            try container.encode(mapping, forKey: .mapping)
        case .error(let mapping):
            try container.encode("error", forKey: .outcome)
            try container.encode(mapping, forKey: .mapping)
        case .rejectionOrRouter(let mapping):
            try container.encode("rejection-or-router", forKey: .outcome)
            try container.encode(mapping, forKey: .mapping)
        case .agreement(let rule):
            try container.encode("agreement", forKey: .outcome)
            try container.encode(rule, forKey: .mapping)
        }
    }
}
