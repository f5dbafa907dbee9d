import ConformanceModel
import Foundation

/// Cloud Control's defects that change only its answers (`Defect.spec`).
extension WireRewrite {
    /// awsJson's EventTime written as an ISO 8601 string instead of epoch seconds.
    static let cloudControlEventTimeAsString = WireRewrite { reply in
        guard reply.status == 200, reply.isJSON else { return }
        reply.rewriteFields(in: "ProgressEvent") { field in
            guard field.key == "\"EventTime\"", case .scalar(let text) = field.value, let seconds = Double(text) else {
                return field
            }
            return (field.key, .scalar("\"\(WireTime.rfc3339(Date(timeIntervalSince1970: seconds)))\""))
        }
    }

    /// An unparsable JSON body answered 500 InternalFailure, not 400 SerializationException.
    static let cloudControlMalformedJSONAs500 = WireRewrite { reply in
        guard reply.status == 400, reply.text.contains("The request body could not be parsed as JSON.") else { return }
        reply = CloudControlAPI.error(.json, 500, "InternalFailure", "The request processing has failed.")
    }

    static let cloudControlUnavailableAsHTML200 = WireRewrite { reply in
        guard reply.fixtureRole == "unavailable" else { return }
        reply = Reply(
            status: 200, headers: [("Content-Type", "text/html")],
            body: Array("<html><body>Down for maintenance</body></html>".utf8))
    }

    /// The awsJson in-progress answer announces 4096 bytes and closes the connection after 20.
    static let cloudControlDropsConnectionWhenInProgress = WireRewrite { reply in
        guard reply.fixtureRole == "in-progress", reply.isJSON else { return }
        reply.body += [UInt8](repeating: UInt8(ascii: " "), count: max(0, 4096 - reply.body.count))
        reply.dropAfter = 20
    }

    static let cloudControlTricklesXMLWhenFailed = WireRewrite { reply in
        guard reply.fixtureRole == "failed", !reply.isJSON else { return }
        reply.trickle = .milliseconds(100)
    }

    static let cloudControlInternalFailureAs502 = WireRewrite { reply in
        if reply.status == 500 { reply.status = 502 }
    }
}
