import Foundation
import ReferenceServer
import Testing

@Suite("Reference server: documented answers")
struct HappyPathTests {
    @Test("Cloud Control answers awsJson1.0 with epoch-second EventTime")
    func cloudControlJSON() async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("succeeded"),
                credential: .sigv4(service: "cloudcontrolapi"))
            #expect(reply.status == 200 && reply.header("Content-Type") == "application/x-amz-json-1.0")
            let event = reply.json["ProgressEvent"] as? [String: Any]
            #expect(event?["OperationStatus"] as? String == "SUCCESS")
            #expect(event?["EventTime"] is Double || event?["EventTime"] is Int)
            #expect(event?["RequestToken"] as? String == Ids.value("cloudcontrol", "succeeded"))
        }
    }

    @Test("Cloud Control's query form answers the XML of the seed's example")
    func cloudControlQuery() async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "GET", Ids.cloudControlQuery(Ids.value("cloudcontrol", "in-progress")),
                credential: .sigv4(service: "cloudcontrolapi"))
            #expect(reply.status == 200 && reply.header("Content-Type") == "text/xml")
            #expect(
                reply.body.contains("<GetResourceRequestStatusResponse><GetResourceRequestStatusResult><ProgressEvent>")
            )
            #expect(
                reply.body.contains("<OperationStatus>IN_PROGRESS</OperationStatus>")
                    && reply.body.contains("<RetryAfter>"))
        }
    }

    @Test(
        "CenturyLink: log-on cookie, then attribute-style XML and JSON with \\/Date(ms)\\/", arguments: ["XML", "JSON"])
    func centuryLink(_ format: String) async throws {
        try await withServer { wire in
            let cookie = try await wire.logon()
            #expect(cookie.hasPrefix("Tier3.API.Cookie="))
            let body =
                format == "XML"
                ? "<QueueStatusRequest><RequestID>52</RequestID></QueueStatusRequest>" : "{\"RequestID\":52}"
            let reply = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/\(format)", body: body, credential: .cookie(cookie))
            #expect(reply.status == 200)
            if format == "XML" {
                #expect(reply.body.contains("<QueueStatusResponse Success=\"true\""))
                #expect(reply.body.contains("CurrentStatus=\"Failed\"") && reply.body.contains("RequestID=\"52\""))
            } else {
                let details = reply.json["RequestDetails"] as? [String: Any]
                #expect(reply.json["StatusCode"] as? Int == 0 && details?["CurrentStatus"] as? String == "Failed")
                #expect((details?["StatusDate"] as? String)?.hasPrefix("/Date(") == true)
            }
        }
    }

    @Test("S3 Control answers in its namespace, with the token ARN's slashes in the path")
    func s3Control() async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "GET", Ids.s3("succeeded"), headers: Ids.account, credential: .sigv4(service: "s3"))
            #expect(reply.status == 200 && reply.header("Content-Type") == "application/xml")
            #expect(
                reply.body.contains(
                    "<DescribeMultiRegionAccessPointOperationResult xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">"
                ))
            #expect(reply.body.contains("<RequestStatus>SUCCEEDED</RequestStatus>"))
        }
    }

    @Test("CodeCatalyst answers a run with RFC 3339 times")
    func codeCatalyst() async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "GET", Ids.codecatalyst("succeeded"), credential: .bearer(ReferenceFixtures.bearerToken))
            #expect(reply.status == 200 && reply.json["status"] as? String == "SUCCEEDED")
            #expect((reply.json["endTime"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test("Oracle answers a work request with opc-request-id")
    func oracle() async throws {
        try await withServer { wire in
            let reply = try await wire.send(
                "GET", Ids.oracle("succeeded"), credential: .bearer(ReferenceFixtures.bearerToken))
            #expect(reply.status == 200 && reply.header("opc-request-id") != nil)
            #expect(reply.json["id"] as? String == "lfc-ab:1-cd:2" && reply.json["percentComplete"] as? Int == 100)
        }
    }
}
