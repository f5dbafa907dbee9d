import ConformanceModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// CenturyLink v1: `POST /REST/Auth/Logon` for a session cookie, then
/// `POST /REST/Queue/GetRequestStatus/{XML|JSON}` with the request in that format. Outcomes travel in the body
/// (`Success`, `StatusCode`); HTTP is always 200, as the v1 API answered.
struct CenturyLinkAPI: APIHandler {
    let api = "centurylink"
    static let cookie = "Tier3.API.Cookie"

    let rules: InputRules
    let auth: Authenticator
    let clock: LifecycleClock
    let defects: Set<Defect>

    enum Form { case xml, json }

    func handle(_ request: WireRequest) async -> Reply? {
        let parts = request.segments.map { $0.lowercased() }
        if parts == ["rest", "auth", "logon"] { return await logon(request) }
        guard parts.count == 4, parts[0] == "rest", parts[1] == "queue", parts[2] == "getrequeststatus" else { return nil }
        let servesAnySuffix = defects.contains(.centurylinkServesUnsupportedFormat)
        guard let form: Form = parts[3] == "xml" ? .xml : parts[3] == "json" || servesAnySuffix ? .json : nil else {
            // Answered in the format the request body was written in.
            let asked: Form = request.header("Content-Type")?.lowercased().contains("xml") == true ? .xml : .json
            return answer(asked, status: 3, message: "Unknown format; use XML or JSON.")
        }
        let emptyCookie = request.header("Cookie")?.contains("\(Self.cookie)=") == true && request.cookie(Self.cookie) == nil
        let acceptsEmpty = emptyCookie && defects.contains(.centurylinkAcceptsEmptySession)
        if !acceptsEmpty, await auth.session(request, cookie: Self.cookie, acceptAny: defects.contains(.centurylinkAcceptsUnknownSession)) != nil {
            return answer(form, status: 100, message: "Authentication Failed")
        }
        guard !request.bodyTooLarge, let raw = requestID(request.body, form: form) else {
            return answer(form, status: 3, message: "Invalid Request Format")
        }
        guard let id = parseID(raw) else { return answer(form, status: 3, message: "Invalid Request Format: RequestID must be an integer") }
        guard let role = ReferenceFixtures.role(api: "centurylink", input: "RequestID", value: String(id)) else {
            return answer(form, status: 2, message: "Request \(id) was not found.")
        }
        if role == "server-error" { return answer(form, status: 2, message: "Unknown Error") }
        let timeline = await clock.timeline(role: role, key: "centurylink/\(id)")
        let code = defects.contains(.centurylinkSuccessWithErrorStatus) ? 2 : 0
        return answer(form, status: code, message: "Request Status successfully retrieved.", success: true, details: (id, timeline))
    }

    private func parseID(_ raw: String) -> Int? {
        if rules.admits("RequestID", raw) { return Int(raw) }
        if defects.contains(.centurylinkAcceptsDecimalID), let value = Double(raw), raw.contains(".") { return Int(value) }
        return nil
    }

    /// The RequestID as written, or nil when the body does not parse or lacks it.
    private func requestID(_ body: [UInt8], form: Form) -> String? {
        switch form {
        case .json:
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
            if let number = object["RequestID"] as? NSNumber, !(object["RequestID"] is String) { return number.stringValue }
            return object["RequestID"] as? String
        case .xml:
            let reader = RequestIDReader()
            let parser = XMLParser(data: Data(body))
            parser.delegate = reader
            parser.shouldResolveExternalEntities = false
            guard parser.parse(), parser.parserError == nil, reader.root == "QueueStatusRequest", reader.closed else { return nil }
            return reader.value
        }
    }

    private func logon(_ request: WireRequest) async -> Reply {
        let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        guard object?["APIKey"] as? String == ReferenceFixtures.centuryLinkAPIKey,
              object?["Password"] as? String == ReferenceFixtures.centuryLinkPassword else {
            return Reply.json(200, ["Success": false, "Message": "Authentication Failed", "StatusCode": 100])
        }
        let session = await auth.sessions.issue()
        return Reply.json(200, ["Success": true, "Message": "Successfully logged in.", "StatusCode": 0],
                          headers: [("Set-Cookie", "\(Self.cookie)=\(session); Path=/; HttpOnly")])
    }

    private func answer(_ form: Form, status: Int, message: String, success: Bool = false,
                        details: (id: Int, timeline: Timeline)? = nil) -> Reply {
        let detail = details.map { RequestDetails(id: $0.id, timeline: $0.timeline) }
        switch form {
        case .json:
            var body: [String: Any] = ["Success": success, "Message": message, "StatusCode": status]
            body["RequestDetails"] = detail?.json
            return Reply.json(200, body)
        case .xml:
            let inner = detail.map { "\n  \($0.xml)\n" } ?? ""
            let type = success && defects.contains(.centurylinkXMLAsTextPlain) ? "text/plain" : "text/xml"
            return Reply.xml(200, "<QueueStatusResponse Success=\"\(success)\" Message=\"\(xmlEscape(message))\" StatusCode=\"\(status)\">\(inner)</QueueStatusResponse>",
                             contentType: type)
        }
    }
}
