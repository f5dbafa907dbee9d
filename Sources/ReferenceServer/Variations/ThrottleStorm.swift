import ConformanceModel
import Foundation
import Synchronization

/// A front end under load: every fifth new request (log-ons aside) is answered with the API's own throttling answer
/// and `Retry-After: 0`, before the operation runs — Cloud Control's 400 ThrottlingException, CodeCatalyst's 429
/// ThrottlingException, S3 Control's 503 SlowDown, Oracle's 429, CenturyLink's 503. A client waits and asks again; a
/// suite that judged those answers would fail the rules it meant to test.
///
/// The request asked again after a throttling answer is served and not counted: counted, a client whose requests
/// arrive in step with four others' would meet every fifth one each time it asks, which no load does.
final class ThrottleStorm: Sendable {
    private let state = Mutex((count: 0, throttled: Set<[UInt8]>()))

    func reply(for request: WireRequest) -> (api: String, reply: Reply)? {
        guard let api = Self.api(of: request) else { return nil }
        // A resend carries a fresh signature: it is the same request by its method, path, query and body.
        let key = Array("\(request.method) \(request.rawPath)?\(request.rawQuery)\n".utf8) + request.body
        let throttles = state.withLock { state -> Bool in
            if state.throttled.remove(key) != nil { return false }
            state.count += 1
            guard state.count % 5 == 0 else { return false }
            state.throttled.insert(key)
            return true
        }
        guard throttles else { return nil }
        let reply: Reply
        switch api {
        case "cloudcontrol":
            let form: WireFormat = request.method == "POST" ? .json : .xml
            reply = CloudControlAPI.error(form, 400, "ThrottlingException", "Rate exceeded")
        case "codecatalyst": reply = CodeCatalystAPI.error(429, "ThrottlingException", "Rate exceeded.")
        case "s3control": reply = S3ControlAPI.error(503, "SlowDown", "Please reduce your request rate.")
        case "oracle": reply = Reply.json(429, ["code": "TooManyRequests", "message": "Too many requests."])
        default:
            reply = Reply(status: 503, headers: [("Content-Type", "text/plain")], body: Array("Server busy\n".utf8))
        }
        return (api, reply.with(header: "Retry-After", "0"))
    }

    /// The API a request is for, by its path; nil for a log-on or a path no API serves.
    private static func api(of request: WireRequest) -> String? {
        let path = request.rawPath
        if path == "/" { return "cloudcontrol" }
        if path.hasPrefix("/v1/") { return "codecatalyst" }
        if path.hasPrefix(S3ControlAPI.prefix) { return "s3control" }
        if path.hasPrefix("/api/") { return "oracle" }
        if path.hasPrefix("/REST/Queue/") { return "centurylink" }
        return nil
    }
}
