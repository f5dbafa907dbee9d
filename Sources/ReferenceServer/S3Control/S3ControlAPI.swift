import ConformanceModel
import Foundation

/// `GET /v20180820/async-requests/mrap/{request_token+}` with `x-amz-account-id` (rest-xml, SigV4 service s3).
struct S3ControlAPI: APIHandler {
    static let api = "s3control"
    static let prefix = "/v20180820/async-requests/mrap/"
    static let namespace = "http://awss3control.amazonaws.com/doc/2018-08-20/"

    let context: HandlerContext

    func handle(_ request: WireRequest) async -> Reply? {
        guard request.rawPath.hasPrefix(Self.prefix) || request.rawPath == String(Self.prefix.dropLast()) else {
            return nil
        }
        guard request.method == "GET" else {
            return Self.error(405, "MethodNotAllowed", "The specified method is not allowed.")
        }
        switch await auth.check(request) {
        case .missing?: return Self.error(403, "AccessDenied", "Access Denied")
        case .malformed?:
            return Self.error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.")
        case .unknownKey?:
            return Self.error(
                403, "InvalidAccessKeyId", "The AWS access key ID you provided does not exist in our records.")
        case .badSignature?:
            return Self.error(
                403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.")
        case nil: break
        }
        guard let given = request.header("x-amz-account-id") ?? rules.missing("AccountId") else {
            return Self.error(400, "InvalidRequest", "Missing required header for this request: x-amz-account-id")
        }
        guard let account = rules.accepted("AccountId", given) else {
            return Self.error(400, "InvalidRequest", "Account id is not valid.")
        }
        let raw = String(request.rawPath.dropFirst(Self.prefix.count))
        guard let token = WireRequest.decodeSegment(raw), rules.admits("RequestTokenARN", token) else {
            return Self.error(400, "InvalidRequest", "The request token ARN is not valid.")
        }
        guard account == ReferenceFixtures.accountId else {
            return Self.error(403, "AccessDenied", "Access Denied")
        }
        guard let role = ReferenceFixtures.role(api: api, input: "RequestTokenARN", value: token) else {
            return Self.error(404, "NoSuchAsyncRequest", "The specified async request does not exist.")
        }
        switch role {
        case "throttled": return Self.error(503, "SlowDown", "Please reduce your request rate.").about(role)
        case "server-error":
            return Self.error(500, "InternalError", "We encountered an internal error. Please try again.").about(role)
        default: break
        }
        let timeline = await clock.timeline(role: role, key: "s3control/\(token)")
        return Reply.xml(200, document(token: token, timeline: timeline)).about(role)
    }

    private func document(token: String, timeline: Timeline) -> String {
        let status = timeline.phase.spelled(
            pending: "NEW", running: "IN_PROGRESS", succeeded: "SUCCEEDED", failed: "FAILED")
        let details =
            timeline.phase == .failed
            ? "<ErrorDetails><Code>BucketAlreadyOwnedByYou</Code><Message>The bucket is already in use.</Message></ErrorDetails>"
            : "<MultiRegionAccessPointDetails><Regions><Region><Name>\(ReferenceFixtures.region)</Name><RequestStatus>\(status)</RequestStatus></Region></Regions></MultiRegionAccessPointDetails>"
        return """
            <DescribeMultiRegionAccessPointOperationResult xmlns="\(Self.namespace)"><AsyncOperation>\
            <CreationTime>\(WireTime.rfc3339(timeline.created))</CreationTime>\
            <Operation>CreateMultiRegionAccessPoint</Operation>\
            <RequestTokenARN>\(XMLText.escape(token))</RequestTokenARN>\
            <RequestParameters><CreateMultiRegionAccessPointRequest><Name>conformance-mrap</Name>\
            <Regions><Region><Bucket>conformance-bucket</Bucket></Region></Regions></CreateMultiRegionAccessPointRequest></RequestParameters>\
            <RequestStatus>\(status)</RequestStatus><ResponseDetails>\(details)</ResponseDetails>\
            </AsyncOperation></DescribeMultiRegionAccessPointOperationResult>
            """
    }

    /// S3's error document, also what a throttling front end in front of it answers (`ThrottledPolls`).
    static func error(_ status: Int, _ code: String, _ message: String) -> Reply {
        Reply.xml(
            status,
            "<Error><Code>\(code)</Code><Message>\(XMLText.escape(message))</Message><RequestId>\(UUID().uuidString)</RequestId></Error>"
        )
    }
}
