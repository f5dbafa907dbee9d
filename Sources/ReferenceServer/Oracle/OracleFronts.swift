import Foundation

/// What stands before Oracle's operation, and its own conforming differences.
extension OracleAPI {
    func throttled(_ request: WireRequest) -> Reply {
        Reply.json(429, ["code": "TooManyRequests", "message": "Too many requests."])
    }

    func routerNotFound(_ request: WireRequest) -> Reply? {
        Reply.json(404, ["code": "NotAuthorizedOrNotFound", "message": "No route matches \(request.rawPath)"])
    }

    func fixture(of request: WireRequest) -> (role: String, key: String)? {
        guard let id = route.values(request)?["id"].flatMap(WireRequest.decodeSegment),
            let role = ReferenceFixtures.role(api: api, input: "id", value: id)
        else { return nil }
        return (role, id)
    }

    var optionalMembers: (container: String?, names: [String])? {
        (nil, ["timeStarted", "timeFinished", "errors", "resources"])
    }

    /// Oracle's Example 2: `"2022-07-06T20:25:11.0+0000"` and a top-level resourceType.
    func vary(_ tree: inout JSONTree, _ reply: inout Reply, by variations: Set<Variation>) {
        guard variations.contains(.exampleForms) else { return }
        tree = tree.mappingScalars { text in
            guard text.hasPrefix("\""), text.hasSuffix("Z\""), text.count > 22, text.contains("T") else { return text }
            return String(text.dropLast(2)) + "+0000\""
        }
        if case .object(let members) = tree, members.contains(where: { $0.key == "\"operationType\"" }) {
            tree = .object(members + [("\"resourceType\"", .scalar("\"SNAPSHOT\""))])
        }
    }
}
