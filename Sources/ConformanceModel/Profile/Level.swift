/// How firmly a rule binds a target. Breaking a `required` rule fails a case; breaking a `recommended` one warns.
///
/// A rule is required when a seed or a public service model states it; a convention (AWS common-errors or S3
/// error-code pages), the profile's own `decision`, or a form the documents' own examples contradict only recommends.
/// A suite that fails a correct server gets switched off, so only the documents' own words may fail a case.
public enum Level: String, Codable, Sendable, Hashable, CaseIterable {
    case required, recommended

    /// The level the sources give a rule: required as soon as one of them is a seed or a service model.
    public static func of(_ sources: [Source]) -> Level {
        sources.contains(where: \.statesRequirement) ? .required : .recommended
    }

    /// The weaker of the two: a check inside a case that only a decision backs is never more than that.
    public func capped(at ceiling: Level) -> Level {
        self == .recommended || ceiling == .recommended ? .recommended : .required
    }
}

extension Source {
    /// Seeds and service models are what a client is built from; everything else is convention or choice.
    public var statesRequirement: Bool {
        document.hasPrefix("seed:") || document.hasPrefix("botocore:")
    }
}

/// A rule whose level can be read from its sources and overridden, with a reason, in the profile
/// (`"level": "recommended", "levelReason": "…"`).
public protocol Graded {
    var level: Level? { get }
    var levelReason: String? { get }
    var levelSources: [Source] { get }
}

extension Graded {
    /// The level the rule is judged at.
    public var resolvedLevel: Level { level ?? Level.of(levelSources) }

    /// Why the rule has that level, for `conformance profiles` and reports.
    public var levelGround: String {
        if let levelReason { return levelReason }
        let documents = Set(levelSources.map(\.document)).sorted().joined(separator: ", ")
        return resolvedLevel == .required ? "stated by \(documents)" : "only \(documents) speaks"
    }
}
