import ConformanceModel

/// An AWS error answer read exactly as botocore's parser for its protocol reads it (`botocore/parsers.py`,
/// `_do_error_parse` of each parser), so that the suite calls an answer's code what the real client calls it: a
/// namespaced query `ErrorResponse`, a `namespace#` prefix or a `:detail` suffix change nothing, and a body botocore
/// cannot read gives no code here either. `Tests/Corpus/aws-errors.json` holds the answers both are checked against.
struct AWSErrorReading: Equatable {
    /// The error code the protocol carried; nil where botocore finds none (and reports the HTTP status, or nothing).
    var code: String?
    /// The message the answer carried (botocore reports the status's reason phrase where it read none).
    var message: String?
    /// `ResponseMetadata.RequestId`, where the protocol carries it in the body or `x-amzn-requestid`.
    var requestId: String?
    /// The query protocol's `Error/Type` (`Sender`, `Receiver`).
    var type: String?
    /// botocore raises instead of reading (a query error body that is not XML).
    var unreadable = false

    /// Reads `parsed` as an error answer of `aws`.
    init(_ parsed: ParsedAnswer, as aws: AWSProtocol) {
        let answer = parsed.answer
        if Self.isGeneric(answer) {
            // botocore's `_is_generic_error_response`: a 5xx with an empty body or an HTML page carries no code.
            return
        }
        switch aws {
        case .awsJSON, .restJSON:
            readJSON(parsed, as: aws)
        case .awsQuery:
            guard let document = try? parsed.xmlDocument() else {
                unreadable = true
                return
            }
            let error =
                Self.child("Error", of: "/*", in: document)
                ?? Self.child("Error", of: "/*/*[local-name()='Errors']", in: document)
            if let error { read(error, in: document) }
            requestId = Self.text(of: "/*/*[local-name()='RequestId']", in: document)
        case .restXML:
            guard !answer.body.isEmpty, let document = try? parsed.xmlDocument() else {
                requestId = answer.header("x-amz-request-id")
                return
            }
            // An S3 `<Error>` root (no namespace: botocore compares the tag as parsed), else an `Error` child of the
            // root, whatever its name (`ErrorResponse` for other rest-xml services).
            let root = document.root
            let error =
                root.name == "Error" && root.namespace.isEmpty ? "/*" : Self.child("Error", of: "/*", in: document)
            if let error { read(error, in: document) }
            requestId =
                error == "/*"
                ? answer.header("x-amz-request-id") : Self.text(of: "/*/*[local-name()='RequestId']", in: document)
        }
        if code?.isEmpty == true { code = nil }
        if message?.isEmpty == true { message = nil }
    }

    /// The `Code`, `Message` and `Type` children of the error element at `error`, in any namespace.
    private mutating func read(_ error: String, in document: XMLDocument) {
        code = Self.text(of: "\(error)/*[local-name()='Code']", in: document)
        message = Self.text(of: "\(error)/*[local-name()='Message']", in: document)
        type = Self.text(of: "\(error)/*[local-name()='Type']", in: document)
    }

    /// awsJson: `__type`, else the status; restJson: then `x-amzn-ErrorType`, else the body's `code` or `Code`. The
    /// message is `message`, else `Message`; a body that is not JSON is all message.
    private mutating func readJSON(_ parsed: ParsedAnswer, as aws: AWSProtocol) {
        let answer = parsed.answer
        var members: [String: JSONValue] = [:]
        if !answer.body.isEmpty {
            if let read = try? parsed.jsonReading() {
                if case .object(let object) = read.value { members = object }
            } else {
                members = ["message": .string(String(decoding: answer.body, as: UTF8.self))]
            }
        }
        message = (members["message"] ?? members["Message"])?.lexical
        var found: String? = members["__type"]?.lexical
        if aws == .restJSON {
            if let header = answer.header("x-amzn-ErrorType") {
                found = header
            } else if let body = (members["code"] ?? members["Code"])?.lexical {
                found = body
            }
        }
        code = found.map(Self.bare)
        requestId = answer.header("x-amzn-RequestId")
    }

    /// A code without its `:detail` suffix, then without its `namespace#` prefix, in the order botocore cuts them
    /// (`a:b#c` is `a`).
    private static func bare(_ code: String) -> String {
        var text = Substring(code)
        if let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) { text = text[..<colon] }
        if let hash = text.utf8.lastIndex(of: UInt8(ascii: "#")) { text = text[text.utf8.index(after: hash)...] }
        return String(text)
    }

    private static func isGeneric(_ answer: Answer) -> Bool {
        guard answer.status >= 500 else { return false }
        let body = answer.body.drop(while: WhiteSpace.contains)
        return body.isEmpty || body.starts(with: Array("<html>".utf8))
    }

    /// The path of `parent`'s first child element named `name` in any namespace, or nil.
    private static func child(_ name: String, of parent: String, in document: XMLDocument) -> String? {
        let path = "(\(parent)/*[local-name()='\(name)'])[1]"
        let found = (try? document.values("count(\(path))", namespace: nil))?.first
        return found.flatMap(Double.init).map { $0 > 0 } == true ? path : nil
    }

    /// The text of the first element at `path`, or nil when there is none.
    private static func text(of path: String, in document: XMLDocument) -> String? {
        (try? document.values("(\(path))[1]", namespace: nil))?.first
    }
}
