import ConformanceModel
import Foundation

/// Cloud Control `GetResourceRequestStatus`: `POST /` with `X-Amz-Target` (awsJson1.0), and the query form
/// `GET /?Action=GetResourceRequestStatus&Version=2021-09-30&RequestToken=…` answering XML as the seed's example.
struct CloudControlAPI: APIHandler {
    static let api = "cloudcontrol"
    static let target = "CloudApiService.GetResourceRequestStatus"
    static let action = "GetResourceRequestStatus"
    static let version = "2021-09-30"

    let context: HandlerContext

    func handle(_ request: WireRequest) async -> Reply? {
        guard route.owns(request) else { return nil }
        let form: WireFormat = request.header("X-Amz-Target") != nil || request.method == "POST" ? .json : .xml
        // A body past the limit was never read, so its signature cannot be checked: refuse it as unparsable first.
        if request.bodyTooLarge {
            return error(form, 400, "SerializationException", "The request body exceeds the size limit.")
        }
        switch await auth.check(request) {
        case .missing?:
            return error(form, 403, "MissingAuthenticationToken", "Missing Authentication Token")
        case .malformed?:
            return error(form, 400, "IncompleteSignature", "The request signature does not conform to AWS standards.")
        case .unknownKey?:
            return error(form, 403, "InvalidClientTokenId", "The security token included in the request is invalid.")
        case .badSignature?:
            return error(
                form, 403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.")
        default: break
        }
        let token: String
        switch form {
        case .json:
            guard request.header("X-Amz-Target") == Self.target else {
                return error(form, 400, "UnknownOperationException", "The operation is not supported by this service.")
            }
            guard !request.bodyTooLarge,
                let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
            else {
                return error(form, 400, "SerializationException", "The request body could not be parsed as JSON.")
            }
            guard let value = object["RequestToken"] else {
                return error(
                    form, 400, "ValidationException",
                    "1 validation error detected: Value null at 'requestToken' failed to satisfy constraint: Member must not be null"
                )
            }
            guard let text = value as? String else {
                return error(form, 400, "SerializationException", "RequestToken must be a string.")
            }
            token = text
        case .xml:
            let servesAny = !rules.checksFixedParameters
            guard let action = request.queryValue("Action") ?? (servesAny ? Self.action : nil) else {
                return error(form, 400, "MissingAction", "The request is missing an action or a required parameter.")
            }
            guard action == Self.action || servesAny else {
                return error(form, 400, "InvalidAction", "The action or operation requested is invalid.")
            }
            guard let version = request.queryValue("Version") ?? (servesAny ? Self.version : nil) else {
                return error(form, 400, "MissingParameter", "The request must contain the parameter Version.")
            }
            guard version == Self.version || servesAny else {
                return error(form, 400, "NoSuchVersion", "The requested version (\(version)) does not exist.")
            }
            guard let text = request.queryValue("RequestToken") else {
                return error(
                    form, 400, "ValidationException",
                    "Value null at 'requestToken' failed to satisfy constraint: Member must not be null")
            }
            token = text
        }
        guard rules.admits("RequestToken", token) else {
            return error(
                form, 400, "ValidationException",
                "1 validation error detected: Value at 'requestToken' failed to satisfy constraint")
        }
        guard let role = ReferenceFixtures.role(api: api, input: "RequestToken", value: token) else {
            return error(
                form, 400, "RequestTokenNotFoundException", "Request with token \(token) was not found",
                capitalised: true)
        }
        return await answer(form, token: token, role: role).about(role)
    }

    /// The answer about fixture `role`.
    private func answer(_ form: WireFormat, token: String, role: String) async -> Reply {
        switch role {
        case "throttled": return error(form, 400, "ThrottlingException", "Rate exceeded")
        case "server-error":
            return error(form, 500, "InternalFailure", "The request processing has failed because of an unknown error.")
        case "access-denied":
            return error(
                form, 400, "AccessDeniedException", "You do not have sufficient access to perform this action.")
        case "unavailable":
            return error(
                form, 503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")
        default: break
        }
        let timeline = await clock.timeline(role: role, key: "cloudcontrol/\(token)")
        let event = ProgressEvent(token: token, timeline: timeline)
        switch form {
        case .json:
            return Reply.json(200, ["ProgressEvent": event.json], contentType: "application/x-amz-json-1.0")
        case .xml:
            return Reply.xml(200, event.xml, contentType: "text/xml")
        }
    }

    private func error(_ form: WireFormat, _ status: Int, _ code: String, _ message: String, capitalised: Bool = false)
        -> Reply
    {
        Self.error(form, status, code, message, capitalised: capitalised)
    }

    /// An error in the form's own shape: awsJson `__type`, or the query protocol's `ErrorResponse`.
    static func error(_ form: WireFormat, _ status: Int, _ code: String, _ message: String, capitalised: Bool = false)
        -> Reply
    {
        switch form {
        case .json:
            return Reply.json(
                status, ["__type": "com.amazonaws.cloudcontrol#\(code)", capitalised ? "Message" : "message": message],
                contentType: "application/x-amz-json-1.0")
        case .xml:
            return Reply.xml(
                status,
                """
                <ErrorResponse><Error><Type>\(status >= 500 ? "Receiver" : "Sender")</Type><Code>\(code)</Code>\
                <Message>\(XMLText.escape(message))</Message></Error><RequestId>\(UUID().uuidString.lowercased())</RequestId></ErrorResponse>
                """, contentType: "text/xml")
        }
    }
}
