/// How firmly a fact binds a target. Breaking a `required` fact fails a case; breaking a `recommended` one warns.
///
/// A fact is required when a seed or a public service model states it; a convention (AWS common-errors or S3
/// error-code pages), the profile's own `decision`, or a form the documents' own examples contradict only recommends.
/// A suite that fails a correct server gets switched off, so only the documents' own words may fail a case.
public enum Level: String, Codable, Sendable, Hashable, CaseIterable {
    case required, recommended

    /// The weaker of the two: a check inside a case that only a decision backs is never more than that.
    public func capped(at ceiling: Level) -> Level {
        self == .recommended || ceiling == .recommended ? .recommended : .required
    }
}

/// One thing a rule asserts about an answer or a request. A rule may assert several (a response member's presence,
/// type and enumeration), each on its own ground: a seed quoted for the member's type lends no weight to the
/// profile's decision that it must be present.
public enum Fact: String, Codable, Sendable, Hashable, CaseIterable {
    /// A response member: that it is there, its type (a timestamp's format included), its documented values, its
    /// pattern, its length, its numeric range.
    case presence, type, enumeration, pattern, length, range
    /// An error mapping: the HTTP status, the error code, the headers it must carry.
    case status, code, headers
    /// An answer's form: its media type, the XML root's name and namespace, an error body's members and fixed values.
    case mediaType = "media-type"
    case root, namespace, members
    /// A rule that asserts one thing only: an input constraint, an invariant.
    case rule
}

extension Source {
    /// Seeds and service models are what a client is built from; everything else is convention or choice.
    public var statesRequirement: Bool {
        document.hasPrefix("seed:") || document.hasPrefix("botocore:")
    }

    /// Whether this source speaks to `fact`: every fact of its rule unless it names the ones it states.
    public func speaks(to fact: Fact) -> Bool {
        facts?.contains(fact) ?? true
    }
}

/// A rule whose facts are graded by the sources that state each one, and whose level can be overridden, with a
/// reason, in the profile (`"level": "recommended", "levelReason": "…"`).
public protocol Graded {
    var level: Level? { get }
    var levelReason: String? { get }
    var levelSources: [Source] { get }
    /// What the rule asserts; each is judged at its own level.
    var facts: [Fact] { get }
}

extension Graded {
    /// The level `fact` is judged at: the override, else required exactly when a seed or a service model speaks to it.
    public func level(of fact: Fact) -> Level {
        level ?? (levelSources.contains { $0.statesRequirement && $0.speaks(to: fact) } ? .required : .recommended)
    }

    /// The source a finding about `fact` cites: the one that makes it required, else the first that speaks to it.
    public func ground(of fact: Fact) -> Source? {
        let speaking = levelSources.filter { $0.speaks(to: fact) }
        return speaking.first(where: \.statesRequirement) ?? speaking.first ?? levelSources.first
    }

    /// The level of the rule's firmest fact: what a case covering the whole rule (an input constraint) is judged at,
    /// and the headline of `conformance profiles`.
    public var resolvedLevel: Level {
        facts.contains { level(of: $0) == .required } ? .required : .recommended
    }

    /// Why `fact` has its level, for `conformance profiles --sources` and reports.
    public func levelGround(of fact: Fact) -> String {
        if let levelReason { return levelReason }
        let documents = Set(levelSources.filter { $0.speaks(to: fact) }.map(\.document)).sorted()
        if documents.isEmpty { return "no source speaks to it" }
        return level(of: fact) == .required
            ? "stated by \(documents.joined(separator: ", "))" : "only \(documents.joined(separator: ", ")) speaks"
    }
}
