import ConformanceModel
import Foundation

/// `GET /v1/spaces/{spaceName}/projects/{projectName}/workflowRuns/{id}` (rest-json, bearer).
struct CodeCatalystAPI: APIHandler {
    let api = "codecatalyst"
    let rules: InputRules
    let auth: Authenticator
    let clock: LifecycleClock
    let defects: Set<Defect>

    func handle(_ request: WireRequest) async -> Reply? {
        let parts = request.segments
        guard parts.count == 7, parts[0] == "v1", parts[1] == "spaces", parts[3] == "projects",
            parts[5] == "workflowRuns"
        else { return nil }
        guard request.method == "GET" else { return Self.error(405, "ValidationException", "Only GET is supported") }
        if auth.bearer(request, acceptAny: defects.contains(.codecatalystAcceptsAnyToken)) != nil {
            return Self.error(403, "AccessDeniedException", "You do not have sufficient access to perform this action.")
        }
        guard let space = WireRequest.decodeSegment(parts[2]), let project = WireRequest.decodeSegment(parts[4]),
            var id = WireRequest.decodeSegment(parts[6])
        else {
            return Self.error(400, "ValidationException", "The path is not valid percent-encoded UTF-8.")
        }
        if defects.contains(.codecatalystAcceptsBracedUUID), id.hasPrefix("{"), id.hasSuffix("}") {
            id = String(id.dropFirst().dropLast())
        }
        for (name, value) in [("spaceName", space), ("projectName", project), ("id", id)] where !valid(name, value) {
            return Self.error(400, "ValidationException", "Invalid value for \(name).")
        }
        let defaults = ReferenceFixtures.tables["codecatalyst"]?.defaults ?? [:]
        guard space == defaults["spaceName"], project == defaults["projectName"],
            let role = ReferenceFixtures.role(api: "codecatalyst", input: "id", value: id.lowercased())
        else {
            return Self.error(404, "ResourceNotFoundException", "The specified resource was not found.")
        }
        switch role {
        case "conflict":
            return Self.error(
                409,
                defects.contains(.codecatalystConflictWrongCode) ? "ResourceConflictException" : "ConflictException",
                "The request conflicts with the current state of the workflow run.")
        case "access-denied":
            return Self.error(403, "AccessDeniedException", "You do not have sufficient access to this workflow run.")
        case "quota":
            return Self.error(402, "ServiceQuotaExceededException", "The space has reached a limit of its tier.")
        case "throttled":
            return Self.error(429, "ThrottlingException", "Rate exceeded.").with(header: "Retry-After", "1")
        default: break
        }
        let timeline = await clock.timeline(
            role: role, key: "codecatalyst/\(id)", neverFinishes: defects.contains(.codecatalystNeverFinishes))
        var reply = Reply.json(200, body(space: space, project: project, id: id, role: role, timeline: timeline))
        if role == "in-progress", defects.contains(.codecatalystStallsWhenInProgress) { reply.delay = .seconds(60) }
        return reply
    }

    private func valid(_ name: String, _ value: String) -> Bool {
        if rules.admits(name, value) { return true }
        if defects.contains(.codecatalystPatternAllowsTrailingNewline), value.hasSuffix("\n") {
            return rules.admits(name, String(value.dropLast()))
        }
        let count = value.unicodeScalars.count
        if name == "spaceName", defects.contains(.codecatalystAcceptsLongSpaceName), count == 64 {
            return rules.admits(name, String(value.dropLast()))
        }
        if name != "id", defects.contains(.codecatalystAcceptsConsecutiveSeparators),
            count >= (name == "spaceName" ? 3 : 1),
            count <= (name == "spaceName" ? 63 : Int.max)
        {
            return WholeMatch.matches("[a-zA-Z0-9]+(?:[-_.]+[a-zA-Z0-9]+)*", value)
        }
        return false
    }

    private func body(space: String, project: String, id: String, role: String, timeline: Timeline) -> [String: Any] {
        let running = defects.contains(.codecatalystLowercaseInProgress) ? "in_progress" : "IN_PROGRESS"
        let status = timeline.phase.spelled(
            pending: "PROVISIONING", running: running, succeeded: "SUCCEEDED", failed: "FAILED")
        let start = timeline.started ?? timeline.created
        var body: [String: Any] = [
            "spaceName": space, "projectName": project, "id": id, "workflowId": "a1b2c3d4-5678-90ab-cdef-0000000000ff",
            "status": status, "statusReasons": [] as [Any], "startTime": time(start),
            "lastUpdatedTime": time(timeline.updated),
        ]
        if let finished = timeline.finished {
            body["endTime"] = time(
                defects.contains(.codecatalystEndBeforeStart) ? start.addingTimeInterval(-60) : finished)
        }
        if timeline.phase == .failed, defects.contains(.codecatalystOmitsWorkflowIdOnFailure) {
            body["workflowId"] = nil
        }
        return body
    }

    private func time(_ date: Date) -> String {
        defects.contains(.codecatalystLocalTimeOffset)
            ? WireTime.rfc3339(date, secondsFromGMT: 2 * 3600) : WireTime.rfc3339(date)
    }

    /// CodeCatalyst's error form, also what a throttling front end in front of it answers (`ThrottledPolls`).
    static func error(_ status: Int, _ code: String, _ message: String) -> Reply {
        Reply.json(status, ["message": message], headers: [("x-amzn-ErrorType", code)])
    }
}
