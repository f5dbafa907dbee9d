import ConformanceModel
import Hummingbird

/// One API of the server: answers the requests whose path it owns, nil for any other.
protocol APIHandler: Sendable {
    var api: String { get }
    func handle(_ request: WireRequest) async -> Reply?
}

/// Routes each request to the API whose path it names, then applies the chosen variations to the answer. An API whose
/// profile was not given is not served (its paths answer 404), since its input rules would be unknown.
struct Dispatcher: Sendable {
    let handlers: [any APIHandler]
    let variations: WireVariations
    let wireDefects: WireDefects
    let routerNotFound: Bool
    let throttledPolls: ThrottledPolls?
    let throttleStorm: ThrottleStorm?
    let stopping: StopSignal
    let log: RequestLog?

    init(profiles: [Profile], options: ReferenceServer.Options, stopping: StopSignal) {
        self.stopping = stopping
        log = options.requestLog
        let sessions = SessionStore()
        let clock = LifecycleClock(timeScale: options.timeScale)
        let defects = options.defects
        func rules(_ api: String) -> InputRules? {
            profiles.first { $0.api == api }.map { InputRules(profile: $0, deviations: defects.inputDeviations(api)) }
        }
        func auth(_ api: String) -> Authenticator {
            Authenticator(sessions: sessions, deviations: defects.authDeviations(api))
        }
        var handlers: [any APIHandler] = []
        if let rules = rules("cloudcontrol") {
            handlers.append(CloudControlAPI(rules: rules, auth: auth("cloudcontrol"), clock: clock))
        }
        if let rules = rules("centurylink") {
            handlers.append(CenturyLinkAPI(rules: rules, auth: auth("centurylink"), clock: clock))
        }
        if let rules = rules("s3control") {
            handlers.append(S3ControlAPI(rules: rules, auth: auth("s3control"), clock: clock))
        }
        if let rules = rules("codecatalyst") {
            handlers.append(
                CodeCatalystAPI(
                    rules: rules, auth: auth("codecatalyst"), clock: clock,
                    lifecycle: defects.lifecycleDeviation("codecatalyst")))
        }
        if profiles.contains(where: { $0.api == "oracle" }) {
            handlers.append(
                OracleAPI(auth: auth("oracle"), clock: clock, lifecycle: defects.lifecycleDeviation("oracle")))
        }
        self.handlers = handlers
        variations = WireVariations(chosen: options.variations)
        wireDefects = WireDefects(chosen: defects)
        routerNotFound = options.variations.contains(.routerNotFound)
        throttledPolls = options.variations.contains(.throttledPolls) ? ThrottledPolls() : nil
        throttleStorm = options.variations.contains(.throttleStorm) ? ThrottleStorm() : nil
    }

    func respond(to request: Request) async -> Response {
        let wire = await WireRequest.read(request)
        log?.append(wire)
        var answer: (api: String?, reply: Reply)?
        if routerNotFound, let routed = RouterNotFound.reply(for: wire),
            handlers.contains(where: { $0.api == routed.api })
        {
            answer = routed
        }
        if answer == nil, let throttled = throttledPolls?.reply(for: wire),
            handlers.contains(where: { $0.api == throttled.api })
        {
            answer = throttled
        }
        if answer == nil, let throttled = throttleStorm?.reply(for: wire),
            handlers.contains(where: { $0.api == throttled.api })
        {
            answer = throttled
        }
        for handler in handlers where answer == nil {
            if let reply = await handler.handle(wire) { answer = (handler.api, reply) }
        }
        let faithful =
            answer?.reply
            ?? Reply.json(404, ["message": "No API of the reference server serves \(wire.method) \(wire.rawPath)"])
        let reply = variations.apply(
            to: wireDefects.apply(to: faithful, api: answer?.api), api: answer?.api, request: wire)
        if let delay = reply.delay { await stopping.sleep(upTo: delay) }
        return reply.response(stopping: stopping)
    }
}
