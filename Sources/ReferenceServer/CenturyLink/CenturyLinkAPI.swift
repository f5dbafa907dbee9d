import ConformanceModel
import Foundation

/// CenturyLink v1: `POST /REST/Auth/Logon` for a session cookie, then
/// `POST /REST/Queue/GetRequestStatus/{XML|JSON}` with the request in that format. Outcomes travel in the body
/// (`Success`, `StatusCode`); HTTP is always 200, as the v1 API answered.
struct CenturyLinkAPI: APIHandler {
    static let api = "centurylink"

    let context: HandlerContext

    func handle(_ request: WireRequest) async -> Reply? {
        // The v1 API matched paths without regard to case or repeated slashes; clc-sdk posts to `/REST//Auth/logon`.
        let parts = request.segments.filter { !$0.isEmpty }.map { $0.lowercased() }
        if (3...4).contains(parts.count), parts[0] == "rest", parts[1] == "auth", parts[2] == "logon" {
            return await logon(request, suffix: parts.count == 4 ? parts[3] : nil)
        }
        guard parts.count == 4, parts[0] == "rest", parts[1] == "queue", parts[2] == "getrequeststatus" else {
            return nil
        }
        guard let form = WireFormat(suffix: parts[3]) ?? (rules.servesUnknownFormat ? .json : nil) else {
            // Answered in the format the request body was written in.
            let asked: WireFormat = request.header("Content-Type")?.lowercased().contains("xml") == true ? .xml : .json
            return answer(asked, status: 3, message: "Unknown format; use XML or JSON.")
        }
        if await auth.check(request) != nil {
            return answer(form, status: 100, message: "Authentication Failed")
        }
        guard !request.bodyTooLarge,
            let parameters = CallParameters.read(request, form: form, root: "QueueStatusRequest"),
            let raw = parameters["RequestID"],
            !(rules.refusesStringWritten("RequestID") && parameters.writtenAsStrings.contains("RequestID"))
        else {
            return answer(form, status: 3, message: "Invalid Request Format")
        }
        guard let id = rules.accepted("RequestID", raw).flatMap({ Int($0) }) else {
            return answer(form, status: 3, message: "Invalid Request Format: RequestID must be an integer")
        }
        guard let role = ReferenceFixtures.role(api: api, input: "RequestID", value: String(id)) else {
            return answer(form, status: 2, message: "Request \(id) was not found.")
        }
        if role == "server-error" { return answer(form, status: 2, message: "Unknown Error") }
        let timeline = await clock.timeline(role: role, key: "centurylink/\(id)")
        return answer(
            form, status: 0, message: "Request Status successfully retrieved.", success: true,
            details: (id, timeline)
        ).about(role)
    }

    /// Log-on, with or without a format suffix; credentials in the body or, as clc-sdk sends them, in the query string.
    /// Without a suffix the answer is written in the body's format, or in XML (what clc-sdk parses) for query credentials.
    private func logon(_ request: WireRequest, suffix: String?) async -> Reply {
        let suffixed = suffix.flatMap(WireFormat.init(suffix:))
        if let suffix, suffixed == nil {
            return answer(.json, status: 3, message: "Unknown format '\(suffix)'; use XML or JSON.")
        }
        let parameters = CallParameters.read(request, form: suffixed ?? CallParameters.sniff(request.body))
        let form = suffixed ?? parameters?.writtenIn ?? .xml
        guard parameters?["APIKey"] == ReferenceFixtures.centuryLinkAPIKey,
            parameters?["Password"] == ReferenceFixtures.centuryLinkPassword
        else {
            return answer(form, root: "LogonResponse", status: 100, message: "Authentication Failed")
        }
        let session = await auth.sessions.issue()
        var reply = answer(form, root: "LogonResponse", status: 0, message: "Successfully logged in.", success: true)
        reply.headers.append(("Set-Cookie", "\(auth.scheme.cookieName ?? "session")=\(session); Path=/; HttpOnly"))
        return reply
    }

    private func answer(
        _ form: WireFormat, root: String = "QueueStatusResponse", status: Int, message: String,
        success: Bool = false, details: (id: Int, timeline: Timeline)? = nil
    ) -> Reply {
        let detail = details.map { RequestDetails(id: $0.id, timeline: $0.timeline) }
        switch form {
        case .json:
            var body: [String: Any] = ["Success": success, "Message": message, "StatusCode": status]
            body["RequestDetails"] = detail?.json
            return Reply.json(200, body)
        case .xml:
            let inner = detail.map { "\n  \($0.xml)\n" } ?? ""
            return Reply.xml(
                200,
                "<\(root) Success=\"\(success)\" Message=\"\(XMLText.escape(message))\" StatusCode=\"\(status)\">\(inner)</\(root)>",
                contentType: "text/xml")
        }
    }
}
