/// Where a fact in a profile comes from, so a failing case can point a reader at the words it rests on.
///
/// `document` names a seed (`seed:003`), a public service model (`botocore:codecatalyst/2022-09-28`),
/// a public reference page, or `decision` when the profile had to choose because the documents are silent.
public struct Source: Codable, Sendable, Hashable {
    public var document: String
    public var line: Int?
    /// Last line when the quoted words span several (`...` in `quote` marks what was left out).
    public var endLine: Int?
    /// The document's own words; `[…]` marks an editorial note where the point is an absence.
    public var quote: String
    /// The facts of its rule these words state; nil for all of them. A rule resting on several sources names what
    /// each states, so a decision beside a seed stays a decision (`"facts": ["type"]`).
    public var facts: [Fact]?

    public init(document: String, line: Int? = nil, endLine: Int? = nil, quote: String, facts: [Fact]? = nil) {
        self.document = document
        self.line = line
        self.endLine = endLine
        self.quote = quote
        self.facts = facts
    }

    /// `seed:003 line 37: "Minimum length of 3. Maximum length of 63."`, or `seed:003 lines 157-161: "…"`.
    public var citation: String {
        let place: String
        switch (line, endLine) {
        case (let first?, let last?) where last > first: place = "\(document) lines \(first)-\(last)"
        case (let first?, _): place = "\(document) line \(first)"
        default: place = document
        }
        return "\(place): \"\(quote)\""
    }
}
