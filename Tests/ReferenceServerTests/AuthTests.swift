import Foundation
import ReferenceServer
import Testing

@Suite("Reference server: credentials are checked as the services check them")
struct AuthTests {
    @Test("SigV4: missing, malformed, unknown key and wrong signature, in each API's own error form", arguments: ["cloudcontrolapi", "s3"])
    func sigV4(_ service: String) async throws {
        try await withServer { wire in
            func call(_ credential: WireClient.Credential) async throws -> WireClient.Reply {
                service == "s3" ? try await wire.send("GET", Ids.s3("succeeded"), headers: Ids.account, credential: credential)
                    : try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("succeeded"), credential: credential)
            }
            let codes = service == "s3"
                ? ["AccessDenied", "AuthorizationHeaderMalformed", "InvalidAccessKeyId", "SignatureDoesNotMatch"]
                : ["MissingAuthenticationToken", "IncompleteSignature", "InvalidClientTokenId", "SignatureDoesNotMatch"]
            let missing = try await call(.none)
            let malformed = try await call(.header("AWS4-HMAC-SHA256 Credential=broken"))
            let unknown = try await call(.sigv4(service: service, accessKeyId: "AKIDNOBODY", secret: "x"))
            let forged = try await call(.sigv4(service: service, secret: "not-the-secret"))
            let replies = [missing, malformed, unknown, forged]
            for (reply, code) in zip(replies, codes) { #expect(reply.body.contains(code), "\(code): \(reply.body)") }
            #expect(replies.map(\.status) == [403, 400, 403, 403])
            let answer1 = try await call(.sigv4(service: service))
            #expect(answer1.status == 200)
        }
    }

    @Test("bearer: missing and wrong tokens are refused")
    func bearer() async throws {
        try await withServer { wire in
            let answer2 = try await wire.send("GET", Ids.codecatalyst("succeeded"))
            #expect(answer2.status == 403)
            let answer3 = try await wire.send("GET", Ids.oracle("succeeded"), credential: .bearer("nope"))
            #expect(answer3.status == 401)
            let answer4 = try await wire.send("GET", Ids.oracle("succeeded"), credential: .header("Basic abc"))
            #expect(answer4.status == 401)
        }
    }

    @Test("CenturyLink log-on refuses a wrong password")
    func centuryLinkLogon() async throws {
        try await withServer { wire in
            let reply = try await wire.send("POST", "/REST/Auth/Logon", body: "{\"APIKey\":\"\(ReferenceFixtures.centuryLinkAPIKey)\",\"Password\":\"wrong\"}")
            #expect(reply.json["StatusCode"] as? Int == 100 && reply.header("Set-Cookie") == nil)
        }
    }
}

@Suite("Reference server: lifecycles")
struct LifecycleTests {
    /// Polls a lifecycle fixture: states move forward, percentages never fall, timestamps never go back.
    @Test("each API's lifecycle fixture reaches its terminal state in order", arguments: ["cloudcontrol", "centurylink", "s3control", "codecatalyst", "oracle"])
    func progression(_ api: String) async throws {
        try await withServer(timeScale: 5) { wire in
            let cookie = api == "centurylink" ? try await wire.logon() : ""
            var states: [String] = []
            var percents: [Int] = []
            for _ in 0..<40 {
                let (state, percent) = try await poll(api, wire: wire, cookie: cookie)
                if states.last != state { states.append(state) }
                if let percent { percents.append(percent) }
                if ["SUCCESS", "Succeeded", "SUCCEEDED"].contains(state) { break }
                try await Task.sleep(for: .milliseconds(40))
            }
            #expect(states.count >= 2, "saw only \(states)")
            #expect(["SUCCESS", "Succeeded", "SUCCEEDED"].contains(states.last ?? ""))
            #expect(percents == percents.sorted())
        }
    }

    private func poll(_ api: String, wire: WireClient, cookie: String) async throws -> (String, Int?) {
        let token = WireClient.Credential.bearer(ReferenceFixtures.bearerToken)
        switch api {
        case "cloudcontrol":
            let reply = try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("lifecycle"), credential: .sigv4(service: "cloudcontrolapi"))
            return ((reply.json["ProgressEvent"] as? [String: Any])?["OperationStatus"] as? String ?? "", nil)
        case "centurylink":
            let reply = try await wire.send("POST", "/REST/Queue/GetRequestStatus/JSON", body: "{\"RequestID\":53}", credential: .cookie(cookie))
            let details = reply.json["RequestDetails"] as? [String: Any]
            return (details?["CurrentStatus"] as? String ?? "", details?["PercentComplete"] as? Int)
        case "s3control":
            let reply = try await wire.send("GET", Ids.s3("lifecycle"), headers: Ids.account, credential: .sigv4(service: "s3"))
            let status = reply.body.components(separatedBy: "<RequestStatus>").dropFirst().first?.components(separatedBy: "<").first ?? ""
            return (status, nil)
        case "codecatalyst":
            return (try await wire.send("GET", Ids.codecatalyst("lifecycle"), credential: token).json["status"] as? String ?? "", nil)
        default:
            let reply = try await wire.send("GET", Ids.oracle("lifecycle"), credential: token)
            return (reply.json["status"] as? String ?? "", reply.json["percentComplete"] as? Int)
        }
    }
}

@Suite("Reference server: malformed requests get the documented error, never a crash")
struct MalformedRequestTests {
    @Test("unparsable and oversized JSON bodies: SerializationException")
    func cloudControlBodies() async throws {
        try await withServer { wire in
            let sign = WireClient.Credential.sigv4(service: "cloudcontrolapi")
            for body in ["{\"RequestToken\":", "\u{FF}\u{FE}", String(repeating: "[", count: 100_000)] {
                let reply = try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: body, credential: sign)
                #expect(reply.status == 400 && reply.body.contains("SerializationException"))
            }
            let huge = [UInt8]("{\"RequestToken\":\"".utf8) + [UInt8](repeating: 0x61, count: 2 << 20) + [UInt8]("\"}".utf8)
            let reply = try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: huge, credential: sign)
            #expect(reply.status == 400 && reply.body.contains("SerializationException"))
        }
    }

    @Test("bad XML and JSON request bodies: StatusCode 3", arguments: [
        ("XML", "<QueueStatusRequest><RequestID>50"), ("XML", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><QueueStatusRequest><RequestID>&e;</RequestID></QueueStatusRequest>"),
        ("XML", "<Other><RequestID>50</RequestID></Other>"), ("JSON", "[50]"), ("JSON", "{\"RequestID\":\"5 0\"}"),
    ])
    func centuryLinkBodies(_ example: (String, String)) async throws {
        try await withServer { wire in
            let cookie = try await wire.logon()
            let reply = try await wire.send("POST", "/REST/Queue/GetRequestStatus/\(example.0)", body: example.1, credential: .cookie(cookie))
            #expect(reply.status == 200 && (reply.body.contains("StatusCode=\"3\"") || reply.json["StatusCode"] as? Int == 3), "\(reply.body)")
        }
    }

    @Test("percent-encoded bytes that are not UTF-8 are a ValidationException")
    func badEncoding() async throws {
        try await withServer { wire in
            let path = "/v1/spaces/Example%FFCorp/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))"
            let answer = try RawHTTP.send(port: wire.port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ReferenceFixtures.bearerToken)\r\nConnection: close\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 400") && answer.lowercased().contains("x-amzn-errortype: validationexception"), "\(answer)")
        }
    }

    @Test("an unknown path is a 404, not a crash")
    func unknownPath() async throws {
        try await withServer { wire in
            let answer5 = try await wire.send("DELETE", "/nothing/here")
            #expect(answer5.status == 404)
        }
    }
}
