import Synchronization

/// A front end under load: every fifth new request (log-ons aside) is answered with the API's own throttling answer
/// (`APIHandler.throttled`) and `Retry-After: 0`, before the operation runs. A client waits and asks again; a
/// suite that judged those answers would fail the rules it meant to test.
///
/// The request asked again after a throttling answer is served and not counted: counted, a client whose requests
/// arrive in step with four others' would meet every fifth one each time it asks, which no load does.
final class ThrottleStorm: Sendable {
    private let state = Mutex((count: 0, throttled: Set<[UInt8]>()))

    func reply(for request: WireRequest, from handler: any APIHandler) -> Reply? {
        guard !handler.route.isLogon(request) else { return nil }
        // A resend carries a fresh signature: it is the same request by its method, path, query and body.
        let key = Array("\(request.method) \(request.rawPath)?\(request.rawQuery)\n".utf8) + request.body
        let throttles = state.withLock { state -> Bool in
            if state.throttled.remove(key) != nil { return false }
            state.count += 1
            guard state.count % 5 == 0 else { return false }
            state.throttled.insert(key)
            return true
        }
        return throttles ? handler.throttled(request).with(header: "Retry-After", "0") : nil
    }
}
