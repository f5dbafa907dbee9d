import ConformanceModel

/// Where an API's operation lives, read from its profile's path templates (`/v1/spaces/{spaceName}/…`): the router's
/// prefix (the first segment, `v1`; `/` alone for an API served at the root) and the shape of the path with the places
/// of its inputs. The dispatcher, the router's not-found, the throttling front ends and the handlers read paths through
/// it, so no other part of the server knows an API's paths.
struct Route: Sendable {
    /// Per path template, its segments: a literal, or the name of the input it carries.
    private let templates: [[Segment]]
    /// Where the API logs on, if it does (`session-cookie` auth): a path of the API, but no question about a fixture.
    private let logonPath: String?

    private enum Segment: Sendable, Equatable {
        case literal(String)
        /// `greedy`: `{name+}`, the rest of the path.
        case input(String, greedy: Bool)
    }

    init(_ profile: Profile) {
        templates = profile.formats.map { format in
            format.path.split(separator: "/", omittingEmptySubsequences: true).map { part in
                guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
                let name = part.dropFirst().dropLast()
                return name.hasSuffix("+")
                    ? .input(String(name.dropLast()), greedy: true) : .input(String(name), greedy: false)
            }
        }
        logonPath = profile.auth.logonPath
    }

    /// Whether the request is for this API at all, whatever its values: its path starts where the API's router
    /// does (compared without regard to case, as CenturyLink's router compared).
    func owns(_ request: WireRequest) -> Bool {
        let first = request.segments.first { !$0.isEmpty } ?? ""
        return templates.contains { template in
            guard case .literal(let prefix)? = template.first else { return request.rawPath == "/" }
            return first.caseInsensitiveCompare(prefix) == .orderedSame
        }
    }

    /// Whether the request is the API's log-on.
    func isLogon(_ request: WireRequest) -> Bool {
        guard let logonPath else { return false }
        let wanted = logonPath.split(separator: "/").map { $0.lowercased() }
        let given = request.segments.filter { !$0.isEmpty }.map { $0.lowercased() }
        return given.starts(with: wanted)
    }

    /// The raw (percent-encoded) values of the inputs in the request's path, when it has a template's shape: same
    /// number of segments (a greedy input takes the rest) and the same literals.
    func values(_ request: WireRequest) -> [String: String]? {
        let given = request.segments
        return templates.lazy.compactMap { Self.values(of: given, in: $0) }.first
    }

    private static func values(of given: [String], in template: [Segment]) -> [String: String]? {
        var values: [String: String] = [:]
        for (index, segment) in template.enumerated() {
            guard index < given.count else { return nil }
            switch segment {
            case .literal(let text):
                if given[index] != text { return nil }
            case .input(let name, greedy: true):
                values[name] = given[index...].joined(separator: "/")
                return values
            case .input(let name, greedy: false):
                values[name] = given[index]
            }
        }
        return given.count == template.count ? values : nil
    }
}
