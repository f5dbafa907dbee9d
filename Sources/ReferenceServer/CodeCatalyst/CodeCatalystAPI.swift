import ConformanceModel
import Foundation

/// `GET /v1/spaces/{spaceName}/projects/{projectName}/workflowRuns/{id}` (rest-json, bearer).
struct CodeCatalystAPI: APIHandler {
    static let api = "codecatalyst"
    let context: HandlerContext

    func handle(_ request: WireRequest) async -> Reply? {
        guard let path = route.values(request) else { return nil }
        guard request.method == "GET" else { return Self.error(405, "ValidationException", "Only GET is supported") }
        if await auth.check(request) != nil {
            return Self.error(403, "AccessDeniedException", "You do not have sufficient access to perform this action.")
        }
        guard let space = path["spaceName"].flatMap(WireRequest.decodeSegment),
            let project = path["projectName"].flatMap(WireRequest.decodeSegment),
            let given = path["id"].flatMap(WireRequest.decodeSegment)
        else {
            return Self.error(400, "ValidationException", "The path is not valid percent-encoded UTF-8.")
        }
        var accepted: [String] = []
        for (name, value) in [("spaceName", space), ("projectName", project), ("id", given)] {
            guard let value = rules.accepted(name, value) else {
                return Self.error(400, "ValidationException", "Invalid value for \(name).")
            }
            accepted.append(value)
        }
        let id = accepted[2]
        let defaults = ReferenceFixtures.tables[api]?.defaults ?? [:]
        guard space == defaults["spaceName"], project == defaults["projectName"],
            let role = ReferenceFixtures.role(api: api, input: "id", value: id.lowercased())
        else {
            return Self.error(404, "ResourceNotFoundException", "The specified resource was not found.")
        }
        return await answer(space: space, project: project, id: id, role: role).about(role)
    }

    /// The answer about fixture `role`.
    private func answer(space: String, project: String, id: String, role: String) async -> Reply {
        switch role {
        case "conflict":
            return Self.error(
                409, "ConflictException", "The request conflicts with the current state of the workflow run.")
        case "access-denied":
            return Self.error(403, "AccessDeniedException", "You do not have sufficient access to this workflow run.")
        case "quota":
            return Self.error(402, "ServiceQuotaExceededException", "The space has reached a limit of its tier.")
        case "throttled":
            return Self.error(429, "ThrottlingException", "Rate exceeded.").with(header: "Retry-After", "1")
        default: break
        }
        let timeline = await clock.timeline(role: role, key: "codecatalyst/\(id)", deviation: lifecycle)
        return Reply.json(200, body(space: space, project: project, id: id, timeline: timeline))
    }

    private func body(space: String, project: String, id: String, timeline: Timeline) -> [String: Any] {
        let status = timeline.phase.spelled(
            pending: "PROVISIONING", running: "IN_PROGRESS", succeeded: "SUCCEEDED", failed: "FAILED")
        let start = timeline.started ?? timeline.created
        var body: [String: Any] = [
            "spaceName": space, "projectName": project, "id": id, "workflowId": "a1b2c3d4-5678-90ab-cdef-0000000000ff",
            "status": status, "statusReasons": [] as [Any], "startTime": time(start),
            "lastUpdatedTime": time(timeline.updated),
        ]
        body["endTime"] = timeline.finished.map(time)
        return body
    }

    private func time(_ date: Date) -> String { WireTime.rfc3339(date) }

    /// CodeCatalyst's error form, also what a throttling front end in front of it answers (`ThrottledPolls`).
    static func error(_ status: Int, _ code: String, _ message: String) -> Reply {
        Reply.json(status, ["message": message], headers: [("x-amzn-ErrorType", code)])
    }
}
