/// Where a fact in a profile comes from, so a failing case can point a reader at the words it rests on.
///
/// `document` names a seed (`seed:003`), a public service model (`botocore:codecatalyst/2022-09-28`),
/// a public reference page, or `decision` when the profile had to choose because the documents are silent.
public struct Source: Codable, Sendable, Hashable {
    public var document: String
    public var line: Int?
    public var quote: String

    public init(document: String, line: Int? = nil, quote: String) {
        self.document = document
        self.line = line
        self.quote = quote
    }

    /// `seed:003 line 37: "Minimum length of 3. Maximum length of 63."`
    public var citation: String {
        let place = line.map { "\(document) line \($0)" } ?? document
        return "\(place): \"\(quote)\""
    }
}
