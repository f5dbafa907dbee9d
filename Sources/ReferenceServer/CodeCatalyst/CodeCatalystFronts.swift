import Foundation

/// What stands before CodeCatalyst's operation, and its own conforming differences.
extension CodeCatalystAPI {
    func throttled(_ request: WireRequest) -> Reply {
        Self.error(429, "ThrottlingException", "Rate exceeded.")
    }

    func routerNotFound(_ request: WireRequest) -> Reply? {
        Reply.json(
            404, ["message": "No route matches \(request.rawPath)"],
            headers: [("x-amzn-ErrorType", "UnknownOperationException")])
    }

    func fixture(of request: WireRequest) -> (role: String, key: String)? {
        guard let id = route.values(request)?["id"].flatMap(WireRequest.decodeSegment)?.lowercased(),
            let role = ReferenceFixtures.role(api: api, input: "id", value: id)
        else { return nil }
        return (role, id)
    }

    var optionalMembers: (container: String?, names: [String])? { (nil, ["endTime", "statusReasons"]) }

    func vary(_ reply: inout Reply, by variations: Set<Variation>, request: WireRequest) {
        // A space or project that does not exist, answered by the gateway without a protocol error code.
        if variations.contains(.codelessNotFound), reply.status == 404, let path = route.values(request) {
            let defaults = ReferenceFixtures.tables[api]?.defaults ?? [:]
            if path["spaceName"].flatMap(WireRequest.decodeSegment) != defaults["spaceName"]
                || path["projectName"].flatMap(WireRequest.decodeSegment) != defaults["projectName"]
            {
                reply = Reply.json(404, ["message": "Not Found"])
            }
        }
        if variations.contains(.exampleForms),
            reply.headers.contains(where: { $0.0.lowercased() == "content-type" && $0.1 == "application/json" })
        {
            reply = reply.with(header: "Content-Type", "application/json; charset=utf-8")
        }
    }
}
