import ConformanceModel

/// One request the suite sends and what must come back, derived from a profile's constraints.
///
/// The id is stable across runs (`codecatalyst.spaceName.length.max+1`) so reports, known divergences and
/// `--case` globs can name it.
public struct DerivedCase: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let api: String
    public let family: CheckFamily
    public let format: String
    /// Profile ids (constraints, response fields, invariants, error mappings) this case exercises.
    public let covers: [String]
    public let summary: String
    public let request: RequestPlan
    public let expectation: ExpectedAnswer

    public init(id: String, api: String, family: CheckFamily, format: String, covers: [String],
                summary: String, request: RequestPlan, expectation: ExpectedAnswer) {
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
public enum CheckFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case input, errors, auth, response, lifecycle
}

/// What to change, relative to a well-formed request, to make this case's request.
public struct RequestPlan: Sendable, Hashable, Codable {
    /// Fixture role whose values the request starts from; nil means the target's default input values.
    public var fixture: String?
    /// Input name → value to send instead, or nil to leave the input out.
    public var overrides: [String: Override]
    public var auth: AuthMode
    /// Sent instead of the encoded body (malformed-body cases).
    public var rawBody: String?

    public init(fixture: String? = nil, overrides: [String: Override] = [:], auth: AuthMode = .valid, rawBody: String? = nil) {
        self.fixture = fixture
        self.overrides = overrides
        self.auth = auth
        self.rawBody = rawBody
    }

    /// In JSON: the value as a string, or `null` for an input left out.
    public enum Override: Sendable, Hashable, Codable {
        case value(String)
        case omitted

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            self = container.decodeNil() ? .omitted : .value(try container.decode(String.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .value(let value): try container.encode(value)
            case .omitted: try container.encodeNil()
            }
        }
    }
}

public enum AuthMode: String, Sendable, Hashable, Codable {
    case valid, missing, invalid, malformed
}

/// What the target must answer. In JSON: `{"outcome": "success" | "accepted" | "lifecycle"}` or
/// `{"outcome": "error", "mapping": "<error mapping id>"}`.
public enum ExpectedAnswer: Sendable, Hashable, Codable {
    /// 200 with a body that satisfies the format's response model.
    case success
    /// A valid value that may name nothing: 200 as for `success`, or one of the profile's accepted outcomes,
    /// but never the input's rejection.
    case accepted
    /// The given error mapping.
    case error(String)
    /// Polled until terminal; every answer a success and the progression rules kept.
    case lifecycle
}

extension ExpectedAnswer {
    private enum Keys: String, CodingKey { case outcome, mapping }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .outcome) {
        case "success": self = .success
        case "accepted": self = .accepted
        case "lifecycle": self = .lifecycle
        case "error": self = .error(try container.decode(String.self, forKey: .mapping))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .outcome, in: container, debugDescription: "unknown outcome '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .success: try container.encode("success", forKey: .outcome)
        case .accepted: try container.encode("accepted", forKey: .outcome)
        case .lifecycle: try container.encode("lifecycle", forKey: .outcome)
        case .error(let mapping):
            try container.encode("error", forKey: .outcome)
            try container.encode(mapping, forKey: .mapping)
        }
    }
}
