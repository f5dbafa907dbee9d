import Foundation

/// `GET /api/20210901/workRequests/{id}` (JSON, bearer), with `opc-request-id` on every answer.
struct OracleAPI: APIHandler {
    let api = "oracle"
    let auth: Authenticator
    let clock: LifecycleClock
    let defects: Set<Defect>

    func handle(_ request: WireRequest) async -> Reply? {
        let parts = request.segments
        guard parts.count == 4, parts[0] == "api", parts[1] == "20210901", parts[2] == "workRequests" else {
            return nil
        }
        let requestId = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        func error(_ status: Int, _ code: String?, _ message: String, headers: [(String, String)] = []) -> Reply {
            var body: [String: Any] = ["message": message]
            body["code"] = code
            return Reply.json(status, body, headers: [("opc-request-id", requestId)] + headers)
        }
        guard request.method == "GET" else { return error(405, "MethodNotAllowed", "Only GET is supported.") }
        let bareScheme = defects.contains(.oracleAcceptsMalformedBearer) && request.header("Authorization") == "Bearer"
        if auth.bearer(request) != nil, !bareScheme {
            return error(
                401, "NotAuthenticated", "The required authentication information was not provided or was invalid.")
        }
        guard let id = WireRequest.decodeSegment(parts[3]), !id.isEmpty else {
            return error(400, "InvalidParameter", "The work request id is not valid.")
        }
        guard let role = ReferenceFixtures.role(api: "oracle", input: "id", value: id) else {
            return defects.contains(.oracle404As500)
                ? error(500, "InternalServerError", "An internal error occurred.")
                : error(404, "NotAuthorizedOrNotFound", "Work request \(id) was not found.")
        }
        switch role {
        case "bad-request": return error(400, "InvalidParameter", "The request is not valid for this work request.")
        case "forbidden": return error(403, "NotAuthorized", "You are not permitted to read this work request.")
        case "conflict" where defects.contains(.oracleMarkupInConflict):
            return error(
                500, nil, "\"><img src=x onerror=\"document.title='pwned'\">" + Self.markup,
                headers: [("x-note", Self.markup)])
        case "conflict": return error(409, "IncorrectState", "The work request is in a conflicting state.")
        case "precondition":
            return error(412, defects.contains(.oracle412WithoutCode) ? nil : "NoEtagMatch", "The precondition failed.")
        case "server-error": return error(500, "InternalServerError", "An internal error occurred.")
        default: break
        }
        let timeline = await clock.timeline(
            role: role, key: "oracle/\(id)", goesBackwards: defects.contains(.oracleProgressGoesBackwards))
        let resourceId: Any =
            defects.contains(.oracleResourceIdAsNumber) ? 12345 : "ac6fdab7-9c16-4d22-a56f-cb7b5d15505a"
        let resource: [String: Any] = ["resourceType": "SNAPSHOT", "id": resourceId, "actionResult": "CREATED"]
        let errors: [Any] =
            timeline.phase == .failed
            ? [["code": "SnapshotFailed", "message": "The snapshot could not be written."]] : []
        var body: [String: Any] = [
            "id": id, "operationType": "CREATE_SNAPSHOT",
            "status": timeline.phase.spelled(
                pending: "ACCEPTED", running: "IN_PROGRESS", succeeded: "SUCCEEDED", failed: "FAILED"),
            "percentComplete": timeline.phase == .succeeded && defects.contains(.oracleSucceededBelow100)
                ? 90 : timeline.phase.percent,
            "timeAccepted": time(timeline.created), "resources": [resource], "errors": errors,
        ]
        body["timeStarted"] = timeline.started.map(time)
        body["timeFinished"] = timeline.finished.map(time)
        var reply = Reply.json(200, body, headers: [("opc-request-id", requestId)])
        if role == "failed", defects.contains(.oracleTrailingCommaWhenFailed) {
            reply.body = Array(reply.body.dropLast()) + Array(",}".utf8)
        }
        if role == "in-progress", defects.contains(.oracleHugeBodyWhenInProgress) {
            // A valid JSON document, just far too large: `{…,"padding":"xxxx…"}`.
            reply.body =
                Array(reply.body.dropLast()) + Array(",\"padding\":\"".utf8)
                + [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20) + Array("\"}".utf8)
        }
        return reply
    }

    private func time(_ date: Date) -> String { WireTime.rfc3339(date) }

    /// What a hostile server puts where reports show target text.
    static let markup = "<script>document.title='pwned'</script>"
}
