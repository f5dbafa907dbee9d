import ConformanceModel
import Hummingbird

/// One API of the server: its route and credentials come from its profile; it gives the faithful answer, and says how
/// the fronts before it (a router, a throttling front end) and its variations answer in its protocol. Adding an API to
/// the server is its profile and one such handler, listed in `Dispatcher.kinds`.
protocol APIHandler: Sendable {
    /// The API's profile name.
    static var api: String { get }
    init(context: HandlerContext)
    var context: HandlerContext { get }
    /// The faithful answer, nil for a request that is not the API's.
    func handle(_ request: WireRequest) async -> Reply?
    /// The fixture role and key the request asks about, read without running the operation (`throttled-polls`).
    func fixture(of request: WireRequest) -> (role: String, key: String)?
    /// A router's 404 in the API's own protocol for a path whose value changes the route; nil where its router has
    /// none (the API is served at one path).
    func routerNotFound(_ request: WireRequest) -> Reply?
    /// The API's own throttling answer, without `Retry-After`: what a front end shedding load answers.
    func throttled(_ request: WireRequest) -> Reply
    /// The API's own conforming differences (`Variation`), on its answer before the ones every API shares.
    func vary(_ reply: inout Reply, by variations: Set<Variation>, request: WireRequest)
    /// The same on a JSON answer's tree, which the shared variations go on to change.
    func vary(_ tree: inout JSONTree, _ reply: inout Reply, by variations: Set<Variation>)
    /// The same on an XML answer's text.
    func vary(xml text: inout String, by variations: Set<Variation>)
    /// The object holding the members a JSON answer may leave out (nil: the top level) and their names.
    var optionalMembers: (container: String?, names: [String])? { get }
}

extension APIHandler {
    var api: String { Self.api }
    var rules: InputRules { context.rules }
    var auth: Authenticator { context.auth }
    var clock: LifecycleClock { context.clock }
    var route: Route { context.route }
    /// How the lifecycle fixture moves, when a defect makes it move wrongly.
    var lifecycle: LifecycleDeviation? { context.lifecycle }
    func fixture(of request: WireRequest) -> (role: String, key: String)? { nil }
    func routerNotFound(_ request: WireRequest) -> Reply? { nil }
    func vary(_ reply: inout Reply, by variations: Set<Variation>, request: WireRequest) {}
    func vary(_ tree: inout JSONTree, _ reply: inout Reply, by variations: Set<Variation>) {}
    func vary(xml text: inout String, by variations: Set<Variation>) {}
    var optionalMembers: (container: String?, names: [String])? { nil }
}

/// What a handler is made with: its profile's route and rules (with the defects' deviations), its authenticator, the
/// lifecycle clock.
struct HandlerContext: Sendable {
    let profile: Profile
    let route: Route
    let rules: InputRules
    let auth: Authenticator
    let clock: LifecycleClock
    /// How the API's lifecycle fixture moves, when a defect makes it move wrongly.
    let lifecycle: LifecycleDeviation?
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

    /// Every API the server can speak.
    static let kinds: [any APIHandler.Type] = [
        CloudControlAPI.self, CenturyLinkAPI.self, S3ControlAPI.self, CodeCatalystAPI.self, OracleAPI.self,
    ]

    init(profiles: [Profile], options: ReferenceServer.Options, stopping: StopSignal) {
        self.stopping = stopping
        log = options.requestLog
        let sessions = SessionStore()
        let clock = LifecycleClock(timeScale: options.timeScale)
        let defects = options.defects
        handlers = Self.kinds.compactMap { kind in
            guard let profile = profiles.first(where: { $0.api == kind.api }) else { return nil }
            return kind.init(
                context: HandlerContext(
                    profile: profile, route: Route(profile),
                    rules: InputRules(profile: profile, deviations: defects.inputDeviations(kind.api)),
                    auth: Authenticator(
                        sessions: sessions, scheme: profile.auth, deviations: defects.authDeviations(kind.api)),
                    clock: clock, lifecycle: defects.lifecycleDeviation(kind.api)))
        }
        variations = WireVariations(chosen: options.variations)
        wireDefects = WireDefects(chosen: defects)
        routerNotFound = options.variations.contains(.routerNotFound)
        throttledPolls = options.variations.contains(.throttledPolls) ? ThrottledPolls() : nil
        throttleStorm = options.variations.contains(.throttleStorm) ? ThrottleStorm() : nil
    }

    func respond(to request: Request) async -> Response {
        let wire = await WireRequest.read(request)
        log?.append(wire)
        let owner = handlers.first { $0.route.owns(wire) }
        var answer: Reply?
        if let owner {
            if routerNotFound, RouterNotFound.changesRoute(wire) { answer = owner.routerNotFound(wire) }
            if answer == nil { answer = throttledPolls?.reply(for: wire, from: owner) }
            if answer == nil { answer = throttleStorm?.reply(for: wire, from: owner) }
            if answer == nil { answer = await owner.handle(wire) }
        }
        let faithful =
            answer
            ?? Reply.json(404, ["message": "No API of the reference server serves \(wire.method) \(wire.rawPath)"])
        let served = answer == nil ? nil : owner
        let reply = variations.apply(
            to: wireDefects.apply(to: faithful, api: served?.api), handler: served, request: wire)
        if let delay = reply.delay { await stopping.sleep(upTo: delay) }
        return reply.response(stopping: stopping)
    }
}
