import ConformanceModel

/// The ProgressEvent both forms describe.
struct ProgressEvent {
    let token: String
    let timeline: Timeline

    var status: String {
        timeline.phase.spelled(pending: "PENDING", running: "IN_PROGRESS", succeeded: "SUCCESS", failed: "FAILED")
    }

    var json: [String: Any] {
        var event: [String: Any] = [
            "TypeName": "AWS::Logs::LogGroup", "Identifier": "LogGroupResourceExample", "RequestToken": token,
            "Operation": "CREATE", "OperationStatus": status,
            "EventTime": WireTime.epochSeconds(timeline.updated),
        ]
        if case .running = timeline.phase {
            event["RetryAfter"] = WireTime.epochSeconds(timeline.updated.addingTimeInterval(5))
        }
        if timeline.phase == .failed {
            event["ErrorCode"] = "NotStabilized"
            event["StatusMessage"] = "Resource did not stabilize."
        }
        return event
    }

    var xml: String {
        var fields = "<Identifier>LogGroupResourceExample</Identifier><OperationStatus>\(status)</OperationStatus>"
        fields += "<EventTime>\(WireTime.rfc3339(timeline.updated))</EventTime><TypeName>AWS::Logs::LogGroup</TypeName>"
        fields += "<RequestToken>\(XMLText.escape(token))</RequestToken><Operation>CREATE</Operation>"
        if case .running = timeline.phase {
            fields += "<RetryAfter>\(WireTime.rfc3339(timeline.updated.addingTimeInterval(5)))</RetryAfter>"
        }
        if timeline.phase == .failed {
            fields += "<ErrorCode>NotStabilized</ErrorCode><StatusMessage>Resource did not stabilize.</StatusMessage>"
        }
        return """
            <GetResourceRequestStatusResponse><GetResourceRequestStatusResult><ProgressEvent>\(fields)</ProgressEvent>\
            </GetResourceRequestStatusResult><ResponseMetadata><RequestId>620e5d19-0c03-4069-ae3b-9e0123456789</RequestId>\
            </ResponseMetadata></GetResourceRequestStatusResponse>
            """
    }
}
