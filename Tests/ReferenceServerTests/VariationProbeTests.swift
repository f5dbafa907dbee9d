import Foundation
import ReferenceServer
import Testing

/// Each variation's difference, seen on the wire: a variation that changed nothing would show no tolerance at all.
/// The same probe is false against the default server and true with that one variation on.
@Suite("Reference server: every variation mode differs on the wire", .serialized)
struct VariationProbeTests {
    typealias Probe = @Sendable (WireClient) async throws -> Bool

    static let bearer = WireClient.Credential.bearer(ReferenceFixtures.bearerToken)
    static let cc = WireClient.Credential.sigv4(service: "cloudcontrolapi")

    static let probes: [Variation: Probe] = [
        .unknownMembers: { wire in
            let json = try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: bearer).json
            let xml = try await wire.send(
                "GET", Ids.cloudControlQuery(Ids.value("cloudcontrol", "succeeded")), credential: cc
            ).body
            return json["conformanceUnknownMember"] != nil && xml.contains("<ConformanceUnknown")
                && xml.contains("conformanceUnknown=\"1\"")
        },
        .routerNotFound: { wire in
            let reply = try await wire.send(
                "GET", "/v1/spaces/ExampleCorp/projects//workflowRuns/\(Ids.value("codecatalyst", "succeeded"))",
                credential: bearer)
            return reply.status == 404 && reply.header("x-amzn-ErrorType") == "UnknownOperationException"
        },
        .protocolErrorNames: { wire in
            let reply = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("succeeded"))
            return (reply.json["__type"] as? String)?.hasSuffix("#MissingAuthenticationTokenException") == true
        },
        .exampleForms: { wire in
            let json = try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer).json
            return (json["timeAccepted"] as? String)?.hasSuffix("+0000") == true
                && json["resourceType"] as? String == "SNAPSHOT"
        },
        .reorderedMembers: { wire in
            let body = try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: bearer).body
            return body.range(of: "\"workflowId\"")!.lowerBound < body.range(of: "\"endTime\"")!.lowerBound
        },
        .prettyPrinted: { wire in
            try await wire.send("GET", Ids.codecatalyst("succeeded"), credential: bearer).body.contains("\n  \"")
        },
        .throttledPolls: { wire in
            var statuses: [Int] = []
            for _ in 0..<4 {
                statuses.append(try await wire.send("GET", Ids.codecatalyst("lifecycle"), credential: bearer).status)
            }
            let s3 = [
                try await wire.send(
                    "GET", Ids.s3("lifecycle"), headers: Ids.account, credential: .sigv4(service: "s3")),
                try await wire.send(
                    "GET", Ids.s3("lifecycle"), headers: Ids.account, credential: .sigv4(service: "s3")),
            ]
            return statuses == [200, 429, 429, 200] && s3.map(\.status) == [200, 503] && s3[1].body.contains("SlowDown")
        },
        .queryNamespaces: { wire in
            let ok = try await wire.send(
                "GET", Ids.cloudControlQuery(Ids.value("cloudcontrol", "succeeded")), credential: cc
            ).body
            let error = try await wire.send("GET", Ids.cloudControlQuery("unknown0001"), credential: cc).body
            return ok.contains(
                "<GetResourceRequestStatusResponse xmlns=\"http://cloudcontrolapi.amazonaws.com/doc/2021-09-30/\">")
                && error.contains("<ErrorResponse xmlns=\"http://webservices.amazon.com/AWSFault/2005-15-09\">")
        },
        .plainRefusals: { wire in
            let session = try await wire.logon()
            let reply = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/YAML", body: "{\"RequestID\":50}", credential: .cookie(session))
            return reply.status == 404 && reply.header("Content-Type") == "text/plain"
        },
        .undocumentedStates: { wire in
            try await wire.send("GET", Ids.s3("in-progress"), headers: Ids.account, credential: .sigv4(service: "s3"))
                .body.contains("<RequestStatus>INPROGRESS</RequestStatus>")
        },
        .codelessNotFound: { wire in
            let known = try await wire.send(
                "GET",
                "/v1/spaces/ExampleCorp/projects/MyDemoProject/workflowRuns/00000000-0000-4000-8000-0000c0ffee00",
                credential: bearer)
            let otherSpace = try await wire.send(
                "GET",
                "/v1/spaces/OtherSpace/projects/MyDemoProject/workflowRuns/\(Ids.value("codecatalyst", "succeeded"))",
                credential: bearer)
            return known.header("x-amzn-ErrorType") == "ResourceNotFoundException" && otherSpace.status == 404
                && otherSpace.header("x-amzn-ErrorType") == nil && otherSpace.json["__type"] == nil
        },
        .catalogueCodes: { wire in
            try await wire.send(
                "GET", "/v20180820/async-requests/mrap/not-an-arn", headers: Ids.account,
                credential: .sigv4(service: "s3")
            ).body.contains("<Code>InvalidArgument</Code>")
        },
        .paddedIntegers: { wire in
            let session = try await wire.logon()
            return try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/XML",
                body:
                    "<QueueStatusRequest><RequestID>\(Ids.value("centurylink", "succeeded"))</RequestID></QueueStatusRequest>",
                credential: .cookie(session)
            ).body.contains("PercentComplete=\" 100 \"")
        },
        .nullOptionalMembers: { wire in
            let body = try await wire.send("GET", Ids.codecatalyst("in-progress"), credential: bearer).body
            return body.contains("\"endTime\":null")
        },
        .dotNetDates: { wire in
            let session = try await wire.logon()
            let body = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/JSON",
                body: "{\"RequestID\":\(Ids.value("centurylink", "succeeded"))}", credential: .cookie(session)
            ).body
            return body.range(of: #"Date\([0-9]+-0700\)"#, options: .regularExpression) != nil
        },
        .throttleStorm: { wire in
            var statuses: [Int] = []
            for _ in 0..<5 {
                statuses.append(try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer).status)
            }
            return statuses == [200, 200, 200, 200, 429]
        },
        .slowAnswers: { wire in
            // The quickest of three answers: a loaded machine may slow one, not all three by 50 ms.
            var quickest = Duration.seconds(60)
            for _ in 0..<3 {
                let started = ContinuousClock.now
                _ = try await wire.send("GET", Ids.oracle("succeeded"), credential: bearer)
                quickest = min(quickest, ContinuousClock.now - started)
            }
            return quickest >= .milliseconds(50)
        },
        .lowercaseHeaderNames: { wire in
            // Raw bytes, since every HTTP client folds header names.
            let head = try await RawHTTP.send(
                port: wire.port,
                "GET \(Ids.oracle("succeeded")) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ReferenceFixtures.bearerToken)\r\nConnection: close\r\n\r\n"
            )
            return head.contains("\r\ncontent-type: ") && !head.contains("\r\nContent-Type: ")
        },
    ]

    @Test("the probe sees the difference only when the variation is on", arguments: Variation.allCases)
    func difference(_ variation: Variation) async throws {
        let probe = try #require(Self.probes[variation], "no wire probe for \(variation.rawValue)")
        let plain = try await withServer { try await probe($0) }
        let varied = try await withServer(variations: [variation]) { try await probe($0) }
        #expect(!plain, "the default server already answers this way")
        #expect(varied, "\(variation.rawValue) changed nothing on the wire")
    }
}
