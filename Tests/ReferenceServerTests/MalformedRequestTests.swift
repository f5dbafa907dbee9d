import Foundation
import ReferenceServer
import Testing

@Suite("Reference server: malformed requests get the documented error, never a crash")
struct MalformedRequestTests {
    @Test("unparsable and oversized JSON bodies: SerializationException")
    func cloudControlBodies() async throws {
        try await withServer { wire in
            let sign = WireClient.Credential.sigv4(service: "cloudcontrolapi")
            for body in ["{\"RequestToken\":", "\u{FF}\u{FE}", String(repeating: "[", count: 100_000)] {
                let reply = try await wire.send(
                    "POST", "/", headers: Ids.cloudControlHeaders, body: body, credential: sign)
                #expect(reply.status == 400 && reply.body.contains("SerializationException"))
            }
            let huge =
                [UInt8]("{\"RequestToken\":\"".utf8) + [UInt8](repeating: 0x61, count: 2 << 20) + [UInt8]("\"}".utf8)
            let reply = try await wire.send("POST", "/", headers: Ids.cloudControlHeaders, body: huge, credential: sign)
            #expect(reply.status == 400 && reply.body.contains("SerializationException"))
        }
    }

    @Test(
        "bad XML and JSON request bodies: StatusCode 3",
        arguments: [
            ("XML", "<QueueStatusRequest><RequestID>50"),
            (
                "XML",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><QueueStatusRequest><RequestID>&e;</RequestID></QueueStatusRequest>"
            ),
            ("XML", "<Other><RequestID>50</RequestID></Other>"), ("JSON", "[50]"), ("JSON", "{\"RequestID\":\"5 0\"}"),
        ])
    func centuryLinkBodies(_ example: (String, String)) async throws {
        try await withServer { wire in
            let cookie = try await wire.logon()
            let reply = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/\(example.0)", body: example.1, credential: .cookie(cookie))
            #expect(
                reply.status == 200
                    && (reply.body.contains("StatusCode=\"3\"") || reply.json["StatusCode"] as? Int == 3),
                "\(reply.body)")
        }
    }

    @Test("percent-encoded bytes that are not UTF-8 are a ValidationException")
    func badEncoding() async throws {
        try await withServer { wire in
            let path =
                "/v1/spaces/Example%FFCorp/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))"
            let answer = try await RawHTTP.send(
                port: wire.port,
                "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ReferenceFixtures.bearerToken)\r\nConnection: close\r\n\r\n"
            )
            #expect(
                answer.hasPrefix("HTTP/1.1 400")
                    && answer.lowercased().contains("x-amzn-errortype: validationexception"), "\(answer)")
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
