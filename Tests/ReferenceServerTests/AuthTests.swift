import Foundation
import ReferenceServer
import Testing

@Suite("Reference server: credentials are checked as the services check them")
struct AuthTests {
    @Test(
        "SigV4: missing, malformed, unknown key and wrong signature, in each API's own error form",
        arguments: ["cloudcontrolapi", "s3"])
    func sigV4(_ service: String) async throws {
        try await withServer { wire in
            func call(_ credential: WireClient.Credential) async throws -> WireClient.Reply {
                service == "s3"
                    ? try await wire.send("GET", Ids.s3("succeeded"), headers: Ids.account, credential: credential)
                    : try await wire.send(
                        "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("succeeded"),
                        credential: credential)
            }
            let codes =
                service == "s3"
                ? ["AccessDenied", "AuthorizationHeaderMalformed", "InvalidAccessKeyId", "SignatureDoesNotMatch"]
                : [
                    "MissingAuthenticationToken", "IncompleteSignature", "InvalidClientTokenId",
                    "SignatureDoesNotMatch",
                ]
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
            let reply = try await wire.send(
                "POST", "/REST/Auth/Logon",
                body: "{\"APIKey\":\"\(ReferenceFixtures.centuryLinkAPIKey)\",\"Password\":\"wrong\"}")
            #expect(reply.json["StatusCode"] as? Int == 100 && reply.header("Set-Cookie") == nil)
        }
    }
}
