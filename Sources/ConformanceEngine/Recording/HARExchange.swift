import Foundation

/// Exchanges written as HAR entries, with every secret masked as the reports mask it, and read back for a replay.
extension HAR.Entry {
    init(_ exchange: Exchange, origin: ExchangeOrigin?, redactor: Redactor) {
        startedDateTime = HAR.dateText(exchange.started)
        time = max(0, exchange.finished.timeIntervalSince(exchange.started) * 1000)
        request = HAR.Request(exchange.request, redactor: redactor)
        timings = HAR.Timings(send: 0, wait: time, receive: 0)
        caseID = origin?.caseID
        logon = origin?.isLogon == true ? true : nil
        switch exchange.outcome {
        case .success(let answer):
            let (text, encoding) = HAR.text(of: answer.body, redactor: redactor)
            response = HAR.Response(
                status: answer.status, headers: HAR.fields(answer.headers, redactor: redactor),
                content: HAR.Content(
                    size: answer.body.count, mimeType: answer.header("Content-Type") ?? "", text: text,
                    encoding: encoding),
                bodySize: answer.body.count)
        case .failure(let error):
            response = HAR.Response(
                status: 0, headers: [], content: HAR.Content(size: 0, mimeType: "x-unknown"), bodySize: 0,
                error: error)
        }
    }

    /// What the exchange came to, as the run saw it; nil where the entry cannot be read back.
    var outcome: Result<Answer, TransportError>? {
        if let error = response.error { return .failure(error) }
        guard let body = HAR.bytes(response.content.text ?? "", encoding: response.content.encoding) else {
            return nil
        }
        return .success(
            Answer(
                status: response.status, headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: body, seconds: time / 1000))
    }

    var started: Date? { HAR.date(startedDateTime) }
}

extension HAR.Request {
    /// `request` as recorded: credential headers and a presigned signature masked, every known secret masked.
    init(_ request: PreparedRequest, redactor: Redactor) {
        method = request.method
        let url = redactor.text(Redactor.maskingQuerySignature(request.url))
        self.url = url
        headers = HAR.fields(request.headers, redactor: redactor)
        let query = url.firstIndex(of: "?").map { String(url[url.index(after: $0)...]) } ?? ""
        queryString = query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            return HAR.Field(name: String(parts[0]), value: value.removingPercentEncoding ?? value)
        }
        if !request.body.isEmpty {
            let (text, encoding) = HAR.text(of: request.body, redactor: redactor)
            postData = HAR.PostData(mimeType: request.header("Content-Type") ?? "", text: text, encoding: encoding)
        }
        bodySize = request.body.count
    }

    /// What makes `now` (the request the current profiles build) another request than this recorded one, or nil.
    /// What only the signing time or the credentials change is not compared: the date, the presigned query's
    /// `X-Amz-` parameters, a credential header's value beyond its scheme or cookie name.
    func difference(from now: HAR.Request) -> String? {
        if method != now.method { return "the method is now \(now.method), recorded \(method)" }
        let (recordedURL, nowURL) = (Self.unsigned(url), Self.unsigned(now.url))
        if recordedURL != nowURL { return "the URL is now \(nowURL), recorded \(recordedURL)" }
        if postData != now.postData { return "the body is now another than the recorded one" }
        let (recorded, current) = (Self.compared(headers), Self.compared(now.headers))
        if recorded != current {
            let changed = Set(Set(recorded).symmetricDifference(current).map(\.name)).sorted()
            return "the headers differ from the recorded ones (\(changed.joined(separator: ", ")))"
        }
        return nil
    }

    private static let signingTime = "x-amz-date"

    private static func compared(_ headers: [HAR.Field]) -> [HAR.Field] {
        headers.map { HAR.Field(name: $0.name.lowercased(), value: $0.value) }.filter { $0.name != signingTime }
    }

    /// The URL without the query parameters a presigned signature adds.
    private static func unsigned(_ url: String) -> String {
        guard let mark = url.firstIndex(of: "?") else { return url }
        let kept = url[url.index(after: mark)...].split(separator: "&").filter {
            !$0.lowercased().hasPrefix("x-amz-")
        }
        return String(url[..<mark]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
}

extension HAR {
    static func fields(_ headers: [(name: String, value: String)], redactor: Redactor) -> [Field] {
        headers.map { Field(name: $0.name, value: redactor.text(Redactor.maskingCredential($0.name, $0.value))) }
    }

    /// A body as HAR text: UTF-8 as it is, anything else in base64; secrets masked in either.
    static func text(of body: [UInt8], redactor: Redactor) -> (String, encoding: String?) {
        let masked = redactor.bytes(body)
        if let text = String(validating: masked, as: UTF8.self) { return (text, nil) }
        return (Data(masked).base64EncodedString(), "base64")
    }

    static func bytes(_ text: String, encoding: String?) -> [UInt8]? {
        guard encoding == "base64" else { return Array(text.utf8) }
        return Data(base64Encoded: text).map { Array($0) }
    }

    static func dateText(_ date: Date) -> String { formatter().string(from: date) }

    static func date(_ text: String) -> Date? { formatter().date(from: text) }

    /// ISO 8601 with milliseconds, as HAR's `startedDateTime` is written. A new formatter each time: Foundation's is
    /// not Sendable, and a recording is written and read once per run.
    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
