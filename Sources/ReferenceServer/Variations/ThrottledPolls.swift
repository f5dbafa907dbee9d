import Synchronization

/// A front end that sheds load the way each API documents it: the second and third questions about a lifecycle
/// fixture named in the path (`APIHandler.fixture(of:)`: CodeCatalyst, S3 Control, Oracle) are answered with the
/// API's own throttling answer (`APIHandler.throttled`), without `Retry-After`, before the operation runs. A poller
/// must back off and ask again, not judge the lifecycle on them.
final class ThrottledPolls: Sendable {
    private let asked = Mutex<[String: Int]>([:])

    func reply(for request: WireRequest, from handler: any APIHandler) -> Reply? {
        guard let fixture = handler.fixture(of: request), fixture.role == "lifecycle" else { return nil }
        let count = asked.withLock { asked -> Int in
            asked[fixture.key, default: 0] += 1
            return asked[fixture.key]!
        }
        guard count == 2 || count == 3 else { return nil }
        return handler.throttled(request)
    }
}
