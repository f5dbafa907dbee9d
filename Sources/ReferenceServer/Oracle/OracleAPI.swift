import Foundation

/// `GET /api/20210901/workRequests/{id}` (JSON, bearer), with `opc-request-id` on every answer.
struct OracleAPI: APIHandler {
    static let api = "oracle"
    let context: HandlerContext

    func handle(_ request: WireRequest) async -> Reply? {
        guard let path = route.values(request) else { return nil }
        let requestId = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        func error(_ status: Int, _ code: String?, _ message: String, headers: [(String, String)] = []) -> Reply {
            var body: [String: Any] = ["message": message]
            body["code"] = code
            return Reply.json(status, body, headers: [("opc-request-id", requestId)] + headers)
        }
        guard request.method == "GET" else { return error(405, "MethodNotAllowed", "Only GET is supported.") }
        if await auth.check(request) != nil {
            return error(
                401, "NotAuthenticated", "The required authentication information was not provided or was invalid.")
        }
        guard let id = path["id"].flatMap(WireRequest.decodeSegment), !id.isEmpty else {
            return error(400, "InvalidParameter", "The work request id is not valid.")
        }
        guard let role = ReferenceFixtures.role(api: api, input: "id", value: id) else {
            return error(404, "NotAuthorizedOrNotFound", "Work request \(id) was not found.")
        }
        switch role {
        case "bad-request":
            return error(400, "InvalidParameter", "The request is not valid for this work request.").about(role)
        case "forbidden":
            return error(403, "NotAuthorized", "You are not permitted to read this work request.").about(role)
        case "conflict":
            return error(409, "IncorrectState", "The work request is in a conflicting state.").about(role)
        case "precondition": return error(412, "NoEtagMatch", "The precondition failed.").about(role)
        case "server-error": return error(500, "InternalServerError", "An internal error occurred.").about(role)
        default: break
        }
        let timeline = await clock.timeline(role: role, key: "oracle/\(id)", deviation: lifecycle)
        let resource: [String: Any] = [
            "resourceType": "SNAPSHOT", "id": "ac6fdab7-9c16-4d22-a56f-cb7b5d15505a", "actionResult": "CREATED",
        ]
        let errors: [Any] =
            timeline.phase == .failed
            ? [["code": "SnapshotFailed", "message": "The snapshot could not be written."]] : []
        var body: [String: Any] = [
            "id": id, "operationType": "CREATE_SNAPSHOT",
            "status": timeline.phase.spelled(
                pending: "ACCEPTED", running: "IN_PROGRESS", succeeded: "SUCCEEDED", failed: "FAILED"),
            "percentComplete": timeline.phase.percent,
            "timeAccepted": time(timeline.created), "resources": [resource], "errors": errors,
        ]
        body["timeStarted"] = timeline.started.map(time)
        body["timeFinished"] = timeline.finished.map(time)
        return Reply.json(200, body, headers: [("opc-request-id", requestId)]).about(role)
    }

    private func time(_ date: Date) -> String { WireTime.rfc3339(date) }

    /// What a hostile server puts where reports show target text.
    static let markup = "<script>document.title='pwned'</script>"
}
