import Foundation
import ReferenceServer
import Testing

/// Each defect's deviation, seen on the wire: the same probe is false against the faithful server and true against
/// the server with that one defect switched on.
/// Serialized: some probes are about timing (a stall, a trickle), which parallel load would blur.
@Suite("Reference server: every defect mode deviates on the wire", .serialized)
struct DefectProbeTests {
    typealias Probe = @Sendable (WireClient) async throws -> Bool

    static let bearer = WireClient.Credential.bearer(ReferenceFixtures.bearerToken)
    static let cc = WireClient.Credential.sigv4(service: "cloudcontrolapi")
    static let s3 = WireClient.Credential.sigv4(service: "s3")

    static func centuryLink(_ wire: WireClient, _ format: String, _ body: String, cookie: String? = nil) async throws
        -> WireClient.Reply
    {
        var session = cookie ?? ""
        if cookie == nil { session = try await wire.logon() }
        return try await wire.send(
            "POST", "/REST/Queue/GetRequestStatus/\(format)", body: body, credential: .cookie(session))
    }

    static let probes: [Defect: Probe] = [
        .cloudcontrolEventTimeAsString: { wire in
            let reply = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("succeeded"), credential: cc)
            return (reply.json["ProgressEvent"] as? [String: Any])?["EventTime"] is String
        },
        .cloudcontrolAcceptsLongToken: { wire in
            let reply = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders,
                body: "{\"RequestToken\":\"\(String(repeating: "a", count: 129))\"}", credential: cc)
            return (reply.json["__type"] as? String)?.hasSuffix("RequestTokenNotFoundException") == true
        },
        .cloudcontrolAcceptsUnsigned: { wire in
            try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("succeeded"))
                .status == 200
        },
        .cloudcontrolMalformedJSONAs500: { wire in
            try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: "{", credential: cc).status == 500
        },
        .cloudcontrolUnavailableAsHTML200: { wire in
            try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("unavailable"), credential: cc
            ).status == 200
        },
        .cloudcontrolDropsConnectionWhenInProgress: { wire in
            do {
                let reply = try await wire.send(
                    "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("in-progress"),
                    credential: cc)
                return reply.body.utf8.count < 100
            } catch {
                return true
            }
        },
        .cloudcontrolTricklesXMLWhenFailed: { wire in
            // Deviates when the whole answer, body included, has not arrived within 2 seconds.
            await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    (try? await wire.send(
                        "GET", Ids.cloudControlQuery(Ids.value("cloudcontrol", "failed")), credential: cc)) == nil
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(2))
                    return true
                }
                let first = await group.next() ?? true
                group.cancelAll()
                return first
            }
        },
        .centurylinkAcceptsDecimalID: { wire in
            try await centuryLink(wire, "JSON", "{\"RequestID\":\"1.5\"}").json["StatusCode"] as? Int != 3
        },
        .centurylinkSuccessWithErrorStatus: { wire in
            let reply = try await centuryLink(wire, "JSON", "{\"RequestID\":50}")
            return reply.json["Success"] as? Bool == true && reply.json["StatusCode"] as? Int == 2
        },
        .centurylinkXMLAsTextPlain: { wire in
            try await centuryLink(wire, "XML", "<QueueStatusRequest><RequestID>50</RequestID></QueueStatusRequest>")
                .header("Content-Type") == "text/plain"
        },
        .centurylinkAcceptsUnknownSession: { wire in
            try await centuryLink(wire, "JSON", "{\"RequestID\":50}", cookie: "Tier3.API.Cookie=forged").json[
                "StatusCode"] as? Int == 0
        },
        .centurylinkAcceptsEmptySession: { wire in
            try await centuryLink(wire, "JSON", "{\"RequestID\":50}", cookie: "Tier3.API.Cookie=").json["StatusCode"]
                as? Int == 0
        },
        .centurylinkXMLStatusDateLocal: { wire in
            let xml = try await centuryLink(
                wire, "XML", "<QueueStatusRequest><RequestID>50</RequestID></QueueStatusRequest>"
            )
            .body
            let json = try await centuryLink(wire, "JSON", "{\"RequestID\":50}").json
            let details = json["RequestDetails"] as? [String: Any]
            guard let date = (details?["StatusDate"] as? String)?.dropFirst("/Date(".count).prefix(while: \.isNumber),
                let milliseconds = Double(date)
            else { return false }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS"
            return !xml.contains(formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000)))
        },
        .centurylinkRefusesStringID: { wire in
            try await centuryLink(wire, "JSON", "{\"RequestID\":\"50\"}").json["StatusCode"] as? Int == 3
        },
        .centurylinkServesUnsupportedFormat: { wire in
            let session = try await wire.logon()
            let reply = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/YAML", body: "{\"RequestID\":50}", credential: .cookie(session))
            return reply.json["StatusCode"] as? Int == 0
        },
        .s3controlSucceededAnswersFailed: { wire in
            try await wire.send("GET", Ids.s3("succeeded"), headers: Ids.account, credential: s3).body.contains(
                "<RequestStatus>FAILED</RequestStatus>")
        },
        .s3controlNameInCapitals: { wire in
            try await wire.send("GET", Ids.s3("succeeded"), headers: Ids.account, credential: s3).body.contains(
                "<Name>Conformance-MRAP</Name>")
        },
        .s3controlAcceptsAnyDigits: { wire in
            try await wire.send(
                "GET", Ids.s3("succeeded"), headers: [("x-amz-account-id", "12345678901")], credential: s3
            ).status == 200
        },
        .cloudcontrolIgnoresActionAndVersion: { wire in
            let query = Ids.cloudControlQuery(Ids.value("cloudcontrol", "succeeded"))
                .replacingOccurrences(of: "Action=GetResourceRequestStatus", with: "Action=DescribeNothing")
            return try await wire.send("GET", query, credential: cc).status == 200
        },
        .cloudcontrolRefusesPresigned: { wire in
            try await wire.send(
                "GET", Ids.cloudControlQuery(Ids.value("cloudcontrol", "succeeded")),
                credential: .presigned(service: "cloudcontrolapi")
            ).status == 403
        },
        .cloudcontrolInternalFailureAs502: { wire in
            try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("server-error"),
                credential: .sigv4(service: "cloudcontrolapi")
            ).status == 502
        },
        .codecatalystInProgressWrongOnce: { wire in
            let first = try await wire.send("GET", Ids.codecatalyst("in-progress"), credential: bearer).json["status"]
            let second = try await wire.send("GET", Ids.codecatalyst("in-progress"), credential: bearer).json["status"]
            return first as? String == "in_progress" && second as? String == "IN_PROGRESS"
        },
        .codecatalystAccessDeniedAsNotFound: { wire in
            try await wire.send("GET", Ids.codecatalyst("access-denied"), credential: bearer).status == 404
        },
        .oracleOmitsOperationType: { wire in
            try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer).json["operationType"] == nil
        },
        .oracleResourcesAsStrings: { wire in
            let resources = try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer).json["resources"]
            return (resources as? [Any])?.first is String
        },
        .s3controlRequestStatusRepeated: { wire in
            try await wire.send("GET", Ids.s3("in-progress"), headers: Ids.account, credential: s3).body.contains(
                "</RequestStatus><RequestStatus>SUCCEEDED</RequestStatus>")
        },
        .s3controlWrongNamespace: { wire in
            try await wire.send("GET", Ids.s3("succeeded"), headers: Ids.account, credential: s3).body.contains(
                "http://s3.amazonaws.com/doc/2006-03-01/")
        },
        .s3controlIgnoresMissingAccountId: { wire in
            try await wire.send("GET", Ids.s3("succeeded"), credential: s3).status == 200
        },
        .s3controlEchoesOtherToken: { wire in
            !(try await wire.send("GET", Ids.s3("failed"), headers: Ids.account, credential: s3).body.contains(
                Ids.value("s3control", "failed")))
        },
        .s3controlEntityBomb: { wire in
            try await wire.send("GET", Ids.s3("in-progress"), headers: Ids.account, credential: s3).body.contains(
                "<!ENTITY lol9")
        },
        .codecatalystAcceptsLongSpaceName: { wire in
            try await wire.send(
                "GET",
                "/v1/spaces/\(String(repeating: "a", count: 64))/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))",
                credential: bearer
            ).status != 400
        },
        .codecatalystAcceptsConsecutiveSeparators: { wire in
            try await wire.send(
                "GET",
                "/v1/spaces/Example..Corp/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))",
                credential: bearer
            ).status != 400
        },
        .codecatalystAcceptsBracedUUID: { wire in
            try await wire.send(
                "GET",
                "/v1/spaces/ExampleCorp/projects/MyDemoProject/workflowRuns/%7B\(Ids.value("codecatalyst", "succeeded"))%7D",
                credential: bearer
            ).status == 200
        },
        .codecatalystConflictWrongCode: { wire in
            try await wire.send("GET", Ids.codecatalyst("conflict"), credential: bearer).header("x-amzn-ErrorType")
                == "ResourceConflictException"
        },
        .codecatalystAcceptsAnyToken: { wire in
            try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: .bearer("anything")).status == 200
        },
        .codecatalystLowercaseInProgress: { wire in
            try await wire.send("GET", Ids.codecatalyst("in-progress"), credential: bearer).json["status"] as? String
                == "in_progress"
        },
        .codecatalystOmitsWorkflowIdOnFailure: { wire in
            try await wire.send("GET", Ids.codecatalyst("failed"), credential: bearer).json["workflowId"] == nil
        },
        .codecatalystEndBeforeStart: { wire in
            let json = try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: bearer).json
            return (json["endTime"] as? String ?? "") < (json["startTime"] as? String ?? "")
        },
        .codecatalystNeverFinishes: { wire in
            _ = try await wire.send("GET", Ids.codecatalyst("lifecycle"), credential: bearer)
            try await Task.sleep(for: .milliseconds(400))
            return try await wire.send("GET", Ids.codecatalyst("lifecycle"), credential: bearer).json["status"]
                as? String != "SUCCEEDED"
        },
        .codecatalystPatternAllowsTrailingNewline: { wire in
            try await wire.send(
                "GET",
                "/v1/spaces/ExampleCorp%0A/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))",
                credential: bearer
            ).status != 400
        },
        .codecatalystLocalTimeOffset: { wire in
            (try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: bearer).json["startTime"] as? String)?
                .hasSuffix("+02:00") == true
        },
        .codecatalystStallsWhenInProgress: { wire in
            do {
                _ = try await wire.send("GET", Ids.codecatalyst("in-progress"), credential: bearer, timeout: 1)
                return false
            } catch {
                return true
            }
        },
        .oracle404As500: { wire in
            try await wire.send("GET", "/api/20210901/workRequests/no-such-request", credential: bearer).status == 500
        },
        .oracleMarkupInConflict: { wire in
            let reply = try await wire.send("GET", Ids.oracle("conflict"), credential: bearer)
            return reply.status == 500 && reply.errorCode == nil && reply.header("x-note")?.contains("<script>") == true
        },
        .oracleStatusGivenTwice: { wire in
            let body = try await wire.send("GET", Ids.oracle("failed"), credential: bearer).body
            return body.components(separatedBy: "\"status\":").count == 3
        },
        .oracle412WithoutCode: { wire in
            try await wire.send("GET", Ids.oracle("precondition"), credential: bearer).json["code"] == nil
        },
        .oracleSucceededBelow100: { wire in
            try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer).json["percentComplete"] as? Int
                != 100
        },
        .oracleResourceIdAsNumber: { wire in
            let resources =
                try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer).json["resources"]
                as? [[String: Any]]
            return !(resources?.first?["id"] is String)
        },
        .oracleAcceptsMalformedBearer: { wire in
            try await wire.send("GET", Ids.oracle("succeeded"), headers: [("Authorization", "Bearer")]).status == 200
        },
        .oracleProgressGoesBackwards: { wire in
            var last = -1
            for _ in 0..<6 {
                let percent =
                    try await wire.send("GET", Ids.oracle("lifecycle"), credential: bearer).json["percentComplete"]
                    as? Int ?? 0
                if percent < last { return true }
                last = percent
            }
            return false
        },
        .oracleTrailingCommaWhenFailed: { wire in
            try await wire.send("GET", Ids.oracle("failed"), credential: bearer).body.hasSuffix(",}")
        },
        .oracleHugeBodyWhenInProgress: { wire in
            try await wire.send("GET", Ids.oracle("in-progress"), credential: bearer).body.utf8.count > 60 << 20
        },
    ]

    @Test("the probe sees the deviation only when the defect is on", arguments: Defect.allCases)
    func deviation(_ defect: Defect) async throws {
        let probe = try #require(Self.probes[defect], "no wire probe for \(defect.rawValue)")
        let faithful = try await withServer(timeScale: 10) { try await probe($0) }
        let defective = try await withServer(defects: [defect], timeScale: 10) { try await probe($0) }
        #expect(!faithful, "the faithful server already deviates")
        #expect(defective, "\(defect.rawValue) did not deviate on the wire")
    }
}
