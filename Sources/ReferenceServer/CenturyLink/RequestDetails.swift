/// RequestDetails in both spellings.
struct RequestDetails {
    let id: Int
    let timeline: Timeline

    var status: String {
        timeline.phase.spelled(pending: "Not Started", running: "Executing", succeeded: "Succeeded", failed: "Failed")
    }
    var step: Int { timeline.phase.isTerminal ? 0 : 1 + timeline.phase.percent / 25 }
    var progress: String { timeline.phase.isTerminal ? "Request completed" : "Step \(step): provisioning" }

    var json: [String: Any] {
        [
            "RequestID": id, "RequestTitle": "Creating Server UT1XXLAB01", "ProgressDesc": progress,
            "StatusDate": WireTime.msDate(timeline.updated), "PercentComplete": timeline.phase.percent,
            "CurrentStatus": status, "StepNumber": step,
        ]
    }

    var xml: String {
        "<RequestDetails RequestID=\"\(id)\" RequestTitle=\"Creating Server UT1XXLAB01\" ProgressDesc=\"\(progress)\" StatusDate=\"\(WireTime.isoLocal(timeline.updated))\" PercentComplete=\"\(timeline.phase.percent)\" CurrentStatus=\"\(status)\" StepNumber=\"\(step)\" />"
    }
}
