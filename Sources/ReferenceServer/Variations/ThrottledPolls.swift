import Foundation

/// A front end that sheds load the way the APIs document it: the second and third questions about a lifecycle
/// fixture are answered with the API's throttling error — CodeCatalyst 429 `ThrottlingException` with
/// `Retry-After: 0`, S3 Control 503 `SlowDown` without one — before the operation runs. A poller must wait and ask
/// again, not judge the lifecycle on them.
final class ThrottledPolls: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String: Int] = [:]

    func reply(for request: WireRequest) -> (api: String, reply: Reply)? {
        guard let (api, id) = Self.lifecycleFixture(request) else { return nil }
        let count = lock.withLock { () -> Int in
            asked[id, default: 0] += 1
            return asked[id]!
        }
        guard count == 2 || count == 3 else { return nil }
        switch api {
        case "codecatalyst":
            return (
                api,
                CodeCatalystAPI.error(429, "ThrottlingException", "Rate exceeded.").with(header: "Retry-After", "0")
            )
        default:
            return (api, S3ControlAPI.error(503, "SlowDown", "Please reduce your request rate."))
        }
    }

    private static func lifecycleFixture(_ request: WireRequest) -> (String, String)? {
        let segments = request.segments
        if segments.count == 7, segments[0] == "v1", let id = WireRequest.decodeSegment(segments[6])?.lowercased(),
            ReferenceFixtures.role(api: "codecatalyst", input: "id", value: id) == "lifecycle"
        {
            return ("codecatalyst", id)
        }
        if request.rawPath.hasPrefix(S3ControlAPI.prefix),
            let token = WireRequest.decodeSegment(String(request.rawPath.dropFirst(S3ControlAPI.prefix.count))),
            ReferenceFixtures.role(api: "s3control", input: "RequestTokenARN", value: token) == "lifecycle"
        {
            return ("s3control", token)
        }
        return nil
    }
}
