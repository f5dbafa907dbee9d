/// What a real service's router answers when a path value changes the route (an empty segment, an encoded `/`, a dot
/// segment): 404 in the API's own protocol, before the operation and its validator ever run.
enum RouterNotFound {
    static func reply(for request: WireRequest) -> (api: String, reply: Reply)? {
        let segments = request.segments
        let changed = segments.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.lowercased().contains("%2f") }
        guard changed else { return nil }
        switch segments.first {
        case "v1":
            return (
                "codecatalyst",
                Reply.json(
                    404, ["message": "No route matches \(request.rawPath)"],
                    headers: [("x-amzn-ErrorType", "UnknownOperationException")])
            )
        case "v20180820":
            return (
                "s3control",
                Reply.xml(
                    404,
                    "<Error><Code>NoSuchResource</Code><Message>The specified resource does not exist.</Message></Error>"
                )
            )
        case "api":
            return (
                "oracle",
                Reply.json(404, ["code": "NotAuthorizedOrNotFound", "message": "No route matches \(request.rawPath)"])
            )
        default:
            return nil
        }
    }
}
