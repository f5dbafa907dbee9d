import ConformanceModel

/// An answer whose body is parsed at most once per format, however many checks read it: the response model, each
/// error mapping tried against it, the refusal test across formats and the lifecycle poll all share one document.
/// Owned by the one case judging it (an XML document is not shared between tasks).
package final class ParsedAnswer {
    package let answer: Answer
    private var json: Result<(value: JSONValue, conflict: StrictJSONSyntax.Conflict?), any Error>?
    private var xml: Result<XMLDocument, any Error>?
    /// The error code read from the body in each format (nil inside: none there), for every mapping tried.
    var errorCodes: [WireFormat: String?] = [:]
    /// The answer as its AWS protocol's client reads it, for every mapping tried.
    var awsReading: AWSErrorReading?

    package init(_ answer: Answer) {
        self.answer = answer
    }

    package var status: Int { answer.status }

    /// The answer's media type, read once for every check that compares it.
    private(set) lazy var mediaType: String? = answer.mediaType

    /// The body read as `format`, XPath prefix `ns` bound to `namespace`; throws the parse error, the same each time.
    /// A JSON object that gives a member twice with different values is refused: no reading of it is the answer.
    func document(_ format: WireFormat, namespace: String?) throws -> AnswerDocument {
        switch format {
        case .json:
            let read = try jsonReading()
            if let conflict = read.conflict { throw JSONValue.AmbiguousJSON(conflict: conflict) }
            return .json(read.value)
        case .xml:
            return .xml(try xmlDocument(), namespace: namespace)
        }
    }

    /// The JSON body as a client that keeps a repeated member's last value reads it (botocore does).
    func jsonReading() throws -> (value: JSONValue, conflict: StrictJSONSyntax.Conflict?) {
        if json == nil { json = Result { try JSONValue.reading(answer.body) } }
        return try json!.get()
    }

    /// The XML body, parsed once.
    func xmlDocument() throws -> XMLDocument {
        if xml == nil { xml = Result { try XMLDocument(bytes: answer.body) } }
        return try xml!.get()
    }
}
