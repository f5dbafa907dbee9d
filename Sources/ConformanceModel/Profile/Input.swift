import Foundation

/// One request parameter and every documented rule on it.
public struct Input: Codable, Sendable, Hashable {
    public enum ValueType: String, Codable, Sendable, Hashable { case string, integer }

    public var name: String
    /// Name on the wire when it differs (`x-amz-account-id` for `AccountId`).
    public var wireName: String?
    public var type: ValueType
    public var required: Bool
    public var constraints: [InputConstraint]
    /// Error mapping an invalid value must provoke.
    public var rejection: String
    /// True for the one input that names the request whose status is asked; "unknown id" cases replace it.
    public var identifies: Bool
    /// Values the documents show for this input; each becomes a case, classified by the constraints, so a sample
    /// that breaks its own pattern is tested as the invalid value it is.
    public var samples: [Sample]

    public var onTheWire: String { wireName ?? name }

    public init(
        name: String, wireName: String? = nil, type: ValueType, required: Bool, constraints: [InputConstraint],
        rejection: String, identifies: Bool, samples: [Sample] = []
    ) {
        self.name = name
        self.wireName = wireName
        self.type = type
        self.required = required
        self.constraints = constraints
        self.rejection = rejection
        self.identifies = identifies
        self.samples = samples
    }

    /// Every rule a valid value must satisfy, used to classify generated values.
    public func admits(_ value: String) -> Bool {
        constraints.allSatisfy { $0.admits(value, type: type) }
    }
}

/// A single documented rule on an input.
public struct InputConstraint: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case required, length, pattern, format, type
    }
    public enum Format: String, Codable, Sendable, Hashable { case uuid, arn, integer }

    public var id: String
    public var kind: Kind
    public var min: Int?
    public var max: Int?
    public var pattern: String?
    public var format: Format?
    public var source: Source
    public var level: Level?
    public var levelReason: String?

    public init(
        id: String, kind: Kind, min: Int? = nil, max: Int? = nil, pattern: String? = nil, format: Format? = nil,
        source: Source,
        level: Level? = nil, levelReason: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.min = min
        self.max = max
        self.pattern = pattern
        self.format = format
        self.source = source
        self.level = level
        self.levelReason = levelReason
    }

    /// Whether `value` satisfies this rule alone. `required` admits everything present; absence is tested apart.
    public func admits(_ value: String, type: Input.ValueType) -> Bool {
        switch kind {
        case .required:
            return true
        case .length:
            let count = value.unicodeScalars.count
            return count >= (min ?? 0) && count <= (max ?? Int.max)
        case .pattern:
            return pattern.map { WholeMatch.matches($0, value) } ?? true
        case .format:
            switch format {
            case .uuid: return WholeMatch.matches(WholeMatch.uuid, value)
            case .arn: return WholeMatch.matches("arn:.+", value)
            case .integer, nil: return WholeMatch.matches(WholeMatch.integer, value)
            }
        case .type:
            // An integer written with surrounding white space is still an integer to the wire types that collapse it
            // (xs:int); whether the API must refuse it is a separate rule of the profile's own.
            return type == .string
                || WholeMatch.matches(WholeMatch.integer, value.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

extension InputConstraint: Graded {
    public var levelSources: [Source] { [source] }
    public var facts: [Fact] { [.rule] }
}

/// A value quoted in the documents.
public struct Sample: Codable, Sendable, Hashable {
    public var value: String
    public var source: Source
    /// Written as a JSON string in a JSON body, as the documents' JSON example writes it, whatever the input's type.
    /// Such a sample is tested in JSON bodies only, and at the recommended level: the example and the type disagree.
    public var jsonString: Bool?

    public init(value: String, source: Source, jsonString: Bool? = nil) {
        self.value = value
        self.source = source
        self.jsonString = jsonString
    }
}
