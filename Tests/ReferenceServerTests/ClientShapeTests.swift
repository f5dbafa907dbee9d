import Foundation
import ReferenceServer
import SigV4
import Testing

/// The request shapes real SDKs send, which the v1 API and the AWS endpoints answered; `Tests/Clients` drives the SDKs
/// themselves, these pin the shapes in `swift test`.
@Suite("Reference server: request shapes real clients send")
struct ClientShapeTests {
    static let credentials =
        "APIKey=\(ReferenceFixtures.centuryLinkAPIKey)&Password=\(ReferenceFixtures.centuryLinkPassword)"

    @Test(
        "clc-sdk log-on: double slash, lower case, credentials in the query, no body; answered in XML with the cookie")
    func centuryLinkQueryLogon() async throws {
        try await withServer { wire in
            let reply = try await wire.send("POST", "/REST//Auth/logon?\(Self.credentials)")
            #expect(reply.body.contains("StatusCode=\"0\"") && reply.body.contains("Success=\"true\""), "\(reply.body)")
            #expect(reply.header("Content-Type")?.contains("xml") == true)
            #expect(reply.header("Set-Cookie")?.hasPrefix("Tier3.API.Cookie=") == true)
            let refused = try await wire.send(
                "POST", "/REST//Auth/logon?APIKey=\(ReferenceFixtures.centuryLinkAPIKey)&Password=wrong")
            #expect(refused.body.contains("StatusCode=\"100\"") && refused.header("Set-Cookie") == nil)
        }
    }

    @Test(
        "log-on with a format suffix answers in that format, whatever carries the credentials",
        arguments: ["JSON", "XML", "json"])
    func centuryLinkSuffixedLogon(_ suffix: String) async throws {
        try await withServer { wire in
            let reply = try await wire.send("POST", "/REST/Auth/Logon/\(suffix)?\(Self.credentials)")
            #expect(reply.header("Set-Cookie") != nil)
            #expect(
                suffix.lowercased() == "json"
                    ? reply.json["StatusCode"] as? Int == 0 : reply.body.contains("StatusCode=\"0\""), "\(reply.body)")
        }
    }

    @Test(
        "status: RequestID in the query with an empty body, paths in any case and with repeated slashes",
        arguments: [
            "/REST/Queue/GetRequestStatus/JSON", "/rest/queue/getrequeststatus/json",
            "/REST//Queue//GetRequestStatus/JSON/",
        ])
    func centuryLinkQueryStatus(_ path: String) async throws {
        try await withServer { wire in
            let cookie = try await wire.logon()
            let reply = try await wire.send(
                "POST", "\(path)?RequestID=50", headers: [("Content-Type", "application/json")],
                credential: .cookie(cookie))
            #expect(reply.json["StatusCode"] as? Int == 0, "\(reply.body)")
            #expect((reply.json["RequestDetails"] as? [String: Any])?["RequestID"] as? Int == 50)
        }
    }

    @Test("status: a body, when present, is read; the query then does not override it")
    func centuryLinkBodyWins() async throws {
        try await withServer { wire in
            let cookie = try await wire.logon()
            let reply = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/XML?RequestID=50", credential: .cookie(cookie),
                bodyText: "<QueueStatusRequest><RequestID>51</RequestID></QueueStatusRequest>")
            #expect(reply.body.contains("RequestID=\"51\""), "\(reply.body)")
        }
    }

    @Test(
        "bearer: the scheme name in any case, extra spaces before the token",
        arguments: ["bearer", "BEARER", "Bearer  "])
    func bearerSpelling(_ scheme: String) async throws {
        try await withServer { wire in
            let header = "\(scheme) \(ReferenceFixtures.bearerToken)"
            let answer = try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: .header(header))
            #expect(answer.status == 200, "\(header): \(answer.body)")
            let oracle = try await wire.send("GET", Ids.oracle("succeeded"), credential: .header(header))
            #expect(oracle.status == 200, "\(header): \(oracle.body)")
        }
    }

    @Test("SigV4 presigned in the query: served when valid; refused when forged or expired")
    func presigned() async throws {
        try await withServer { wire in
            func url(secret: String = ReferenceFixtures.awsSecretAccessKey, date: Date = Date(), expires: Int = 300)
                -> String
            {
                let query =
                    "Action=GetResourceRequestStatus&RequestToken=\(Ids.value("cloudcontrol", "succeeded"))&Version=2021-09-30"
                let request = SigV4.Request(
                    method: "GET", path: "/", query: query, headers: [("Host", "127.0.0.1:\(wire.port)")], body: [])
                return "/?"
                    + SigV4Presigned.sign(
                        request,
                        credentials: .init(accessKeyId: ReferenceFixtures.awsAccessKeyId, secretAccessKey: secret),
                        region: "us-east-1", service: "cloudcontrolapi", date: date, expires: expires)
            }
            let served = try await wire.send("GET", url())
            #expect(
                served.status == 200 && served.body.contains("<OperationStatus>SUCCESS</OperationStatus>"),
                "\(served.body)")
            let forged = try await wire.send("GET", url(secret: "not-the-secret"))
            #expect(forged.status == 403 && forged.body.contains("SignatureDoesNotMatch"))
            let expired = try await wire.send("GET", url(date: Date().addingTimeInterval(-3600), expires: 60))
            #expect(expired.status == 403)
            let incomplete = try await wire.send(
                "GET", "/?Action=GetResourceRequestStatus&X-Amz-Algorithm=AWS4-HMAC-SHA256")
            #expect(incomplete.status == 400 && incomplete.body.contains("IncompleteSignature"))
        }
    }

    @Test("S3 Control: the SDK's `{AccountId}.` host prefix is signed and served")
    func accountHost() async throws {
        try await withServer { wire in
            let answer = try await wire.send(
                "GET", Ids.s3("succeeded"), headers: Ids.account, credential: .sigv4(service: "s3"),
                host: "\(ReferenceFixtures.accountId).127.0.0.1:\(wire.port)")
            #expect(answer.status == 200, "\(answer.body)")
        }
    }
}
