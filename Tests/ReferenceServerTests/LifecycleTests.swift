import Foundation
import ReferenceServer
import Testing

@Suite("Reference server: lifecycles")
struct LifecycleTests {
    /// Polls a lifecycle fixture: states move forward, percentages never fall, timestamps never go back.
    @Test(
        "each API's lifecycle fixture reaches its terminal state in order",
        arguments: ["cloudcontrol", "centurylink", "s3control", "codecatalyst", "oracle"])
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
            let reply = try await wire.send(
                "POST", "/", headers: Ids.cloudControlHeaders, body: Ids.cloudControlBody("lifecycle"),
                credential: .sigv4(service: "cloudcontrolapi"))
            return ((reply.json["ProgressEvent"] as? [String: Any])?["OperationStatus"] as? String ?? "", nil)
        case "centurylink":
            let reply = try await wire.send(
                "POST", "/REST/Queue/GetRequestStatus/JSON", body: "{\"RequestID\":53}", credential: .cookie(cookie))
            let details = reply.json["RequestDetails"] as? [String: Any]
            return (details?["CurrentStatus"] as? String ?? "", details?["PercentComplete"] as? Int)
        case "s3control":
            let reply = try await wire.send(
                "GET", Ids.s3("lifecycle"), headers: Ids.account, credential: .sigv4(service: "s3"))
            let status =
                reply.body.components(separatedBy: "<RequestStatus>").dropFirst().first?.components(separatedBy: "<")
                .first ?? ""
            return (status, nil)
        case "codecatalyst":
            return (
                try await wire.send("GET", Ids.codecatalyst("lifecycle"), credential: token).json["status"] as? String
                    ?? "", nil
            )
        default:
            let reply = try await wire.send("GET", Ids.oracle("lifecycle"), credential: token)
            return (reply.json["status"] as? String ?? "", reply.json["percentComplete"] as? Int)
        }
    }
}
