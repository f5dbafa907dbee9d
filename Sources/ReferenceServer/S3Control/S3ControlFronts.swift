import Foundation

/// What stands before S3 Control's operation, and its own conforming differences.
extension S3ControlAPI {
    func throttled(_ request: WireRequest) -> Reply {
        Self.error(503, "SlowDown", "Please reduce your request rate.")
    }

    func routerNotFound(_ request: WireRequest) -> Reply? {
        Reply.xml(
            404, "<Error><Code>NoSuchResource</Code><Message>The specified resource does not exist.</Message></Error>")
    }

    func fixture(of request: WireRequest) -> (role: String, key: String)? {
        guard let token = route.values(request)?["RequestTokenARN"].flatMap(WireRequest.decodeSegment),
            let role = ReferenceFixtures.role(api: api, input: "RequestTokenARN", value: token)
        else { return nil }
        return (role, token)
    }

    func vary(xml text: inout String, by variations: Set<Variation>) {
        if variations.contains(.undocumentedStates) {
            text = text.replacingOccurrences(
                of: "<RequestStatus>(NEW|IN_PROGRESS)</RequestStatus>",
                with: "<RequestStatus>INPROGRESS</RequestStatus>",
                options: .regularExpression)
        }
        if variations.contains(.catalogueCodes) {
            text = text.replacingOccurrences(of: "<Code>InvalidRequest</Code>", with: "<Code>InvalidArgument</Code>")
        }
    }
}
