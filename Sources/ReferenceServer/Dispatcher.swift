import ConformanceModel
import Hummingbird

/// Routes each request to the API whose path it names. An API whose profile was not given is not served
/// (its paths answer 404), since its input rules would be unknown.
struct Dispatcher: Sendable {
    let cloudControl: CloudControlAPI?
    let centuryLink: CenturyLinkAPI?
    let s3Control: S3ControlAPI?
    let codeCatalyst: CodeCatalystAPI?
    let oracle: OracleAPI?

    let stopping: StopSignal

    init(profiles: [Profile], options: ReferenceServer.Options, stopping: StopSignal) {
        self.stopping = stopping
        let auth = Authenticator(sessions: SessionStore())
        let clock = LifecycleClock(timeScale: options.timeScale)
        let defects = options.defects
        func rules(_ api: String) -> InputRules? {
            profiles.first { $0.api == api }.map(InputRules.init)
        }
        func served(_ api: String) -> Bool { profiles.contains { $0.api == api } }
        cloudControl = rules("cloudcontrol").map { CloudControlAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        centuryLink = rules("centurylink").map { CenturyLinkAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        s3Control = rules("s3control").map { S3ControlAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        codeCatalyst = rules("codecatalyst").map { CodeCatalystAPI(rules: $0, auth: auth, clock: clock, defects: defects) }
        oracle = served("oracle") ? OracleAPI(auth: auth, clock: clock, defects: defects) : nil
    }

    func respond(to request: Request) async -> Response {
        let wire = await WireRequest.read(request)
        var reply: Reply? = await cloudControl?.handle(wire)
        if reply == nil { reply = await centuryLink?.handle(wire) }
        if reply == nil { reply = await s3Control?.handle(wire) }
        if reply == nil { reply = await codeCatalyst?.handle(wire) }
        if reply == nil { reply = await oracle?.handle(wire) }
        let answer = reply ?? Reply.json(404, ["message": "No API of the reference server serves \(wire.method) \(wire.rawPath)"])
        if let delay = answer.delay { await stopping.sleep(upTo: delay) }
        return answer.response(stopping: stopping)
    }
}
