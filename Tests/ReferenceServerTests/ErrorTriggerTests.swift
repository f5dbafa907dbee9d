import Foundation
import ReferenceServer
import Testing

@Suite("Reference server: every documented error is reachable")
struct ErrorTriggerTests {
    @Test(
        "CodeCatalyst 400/402/403/404/409/429 with x-amzn-ErrorType",
        arguments: [
            ("quota", 402, "ServiceQuotaExceededException"), ("conflict", 409, "ConflictException"),
            ("throttled", 429, "ThrottlingException"),
        ])
    func codeCatalystTriggers(_ trigger: (String, Int, String)) async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "GET", Ids.codecatalyst(trigger.0), credential: .bearer(ReferenceFixtures.bearerToken))
            expectReply(reply, status: trigger.1, code: trigger.2)
            #expect(reply.json["message"] != nil)
            if trigger.1 == 429 { #expect(reply.header("Retry-After") == "1") }
        }
    }

    @Test("CodeCatalyst validation, not-found and access errors")
    func codeCatalystOthers() async throws {
        try await withServer { wire in
            let token = WireClient.Credential.bearer(ReferenceFixtures.bearerToken)
            let invalid = try await wire.send(
                "GET", "/v1/spaces/ab/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))",
                credential: token)
            expectReply(invalid, status: 400, code: "ValidationException")
            let unknown = try await wire.send(
                "GET",
                "/v1/spaces/ExampleCorp/projects/MyDemoProject/workflowRuns/00000000-0000-4000-8000-000000000000",
                credential: token)
            expectReply(unknown, status: 404, code: "ResourceNotFoundException")
            let denied = try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: .bearer("wrong"))
            expectReply(denied, status: 403, code: "AccessDeniedException")
        }
    }

    @Test(
        "Oracle 400/401/403/404/409/412/500 with code and message",
        arguments: [
            ("bad-request", 400), ("forbidden", 403), ("conflict", 409), ("precondition", 412), ("server-error", 500),
        ])
    func oracleTriggers(_ trigger: (String, Int)) async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "GET", Ids.oracle(trigger.0), credential: .bearer(ReferenceFixtures.bearerToken))
            expectReply(reply, status: trigger.1)
            #expect(reply.errorCode != nil && reply.json["message"] is String)
            #expect(reply.header("opc-request-id") != nil)
        }
    }

    @Test("Oracle 401 without credentials and 404 for an unknown id")
    func oracleAuthAndMissing() async throws {
        try await withServer { wire in
            let answer1 = try await wire.send("GET", Ids.oracle("succeeded"))
            expectReply(answer1, status: 401)
            let answer2 = try await wire.send(
                "GET", "/api/20210901/workRequests/nothing-here", credential: .bearer(ReferenceFixtures.bearerToken))
            expectReply(answer2, status: 404)
        }
    }

    @Test("Cloud Control: not found, throttling and internal failure in the awsJson error form")
    func cloudControlTriggers() async throws {
        try await withServer { wire in
            let sign = WireClient.Credential.sigv4(service: "cloudcontrolapi")
            let missing = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: "{\"RequestToken\":\"never-issued\"}",
                credential: sign)
            expectReply(missing, status: 400, code: "RequestTokenNotFoundException")
            let throttled = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("throttled"), credential: sign
            )
            expectReply(throttled, status: 400, code: "ThrottlingException")
            let failure = try await wire.send(
                "GET", Ids.cloudControlQuery(Ids.value("cloudcontrol", "server-error")), credential: sign)
            expectReply(failure, status: 500, code: "InternalFailure")
        }
    }

    @Test("S3 Control: NoSuchAsyncRequest, InvalidRequest, SlowDown, InternalError, AccessDenied for another account")
    func s3Triggers() async throws {
        try await withServer { wire in
            let sign = WireClient.Credential.sigv4(service: "s3")
            let unknown = try await wire.send(
                "GET", "/v20180820/async-requests/mrap/arn:aws:s3:us-east-1:123456789012:async-request/mrap/x/0",
                headers: Ids.account, credential: sign)
            expectReply(unknown, status: 404, code: "NoSuchAsyncRequest")
            let invalid = try await wire.send(
                "GET", "/v20180820/async-requests/mrap/not-an-arn", headers: Ids.account, credential: sign)
            expectReply(invalid, status: 400, code: "InvalidRequest")
            let answer3 = try await wire.send("GET", Ids.s3("throttled"), headers: Ids.account, credential: sign)
            expectReply(answer3, status: 503, code: "SlowDown")
            let answer4 = try await wire.send("GET", Ids.s3("server-error"), headers: Ids.account, credential: sign)
            expectReply(answer4, status: 500, code: "InternalError")
            let other = try await wire.send(
                "GET", Ids.s3("succeeded"), headers: [("x-amz-account-id", "999999999999")], credential: sign)
            expectReply(other, status: 403, code: "AccessDenied")
        }
    }

    @Test("CenturyLink: unknown request and server error are StatusCode 2, bad format 3, no session 100")
    func centuryLinkCodes() async throws {
        try await withServer { wire in
            let cookie = try await wire.logon()
            func code(_ body: String, _ credential: WireClient.Credential) async throws -> Int? {
                try await wire.send("POST", "/REST/Queue/GetRequestStatus/JSON", body: body, credential: credential)
                    .json["StatusCode"] as? Int
            }
            let answer5 = try await code("{\"RequestID\":12345}", .cookie(cookie))
            #expect(answer5 == 2)
            let answer6 = try await code("{\"RequestID\":99}", .cookie(cookie))
            #expect(answer6 == 2)
            let answer7 = try await code("{\"RequestID\":\"abc\"}", .cookie(cookie))
            #expect(answer7 == 3)
            let answer8 = try await code("{\"RequestID\":50}", .none)
            #expect(answer8 == 100)
            let answer9 = try await code("{\"RequestID\":50}", .cookie("Tier3.API.Cookie=forged"))
            #expect(answer9 == 100)
        }
    }
}
