import ConformanceModel

/// An answer whose body is parsed at most once per format, however many checks read it: the response model, each
/// error mapping tried against it, the refusal test across formats and the lifecycle poll all share one document.
/// Owned by the one case judging it (an XML document is not shared between tasks).
package final class ParsedAnswer {
    package let answer: Answer
    private var json: Result<JSONValue, any Error>?
    private var xml: Result<XMLDocument, any Error>?
    /// The error code read from the body in each format (nil inside: none there), for every mapping tried.
    var errorCodes: [WireFormat: String?] = [:]

    package init(_ answer: Answer) {
        self.answer = answer
    }

    package var status: Int { answer.status }

    /// The answer's media type, read once for every check that compares it.
    private(set) lazy var mediaType: String? = answer.mediaType

    /// The body read as `format`, XPath prefix `ns` bound to `namespace`; throws the parse error, the same each time.
    func document(_ format: WireFormat, namespace: String?) throws -> AnswerDocument {
        switch format {
        case .json:
            if json == nil { json = Result { try JSONValue.parse(answer.body) } }
            return .json(try json!.get())
        case .xml:
            if xml == nil { xml = Result { try XMLDocument(bytes: answer.body) } }
            return .xml(try xml!.get(), namespace: namespace)
        }
    }
}
