import Foundation

/// The keys a target config may hold at each place. A key the suite would not read is refused, naming it, where it
/// belongs if it belongs elsewhere, and the keys allowed there: a `region` written inside `auth` was once ignored without
/// a word, and every request was signed for `us-east-1`.
public enum TargetConfigKeys {
    public static let top = [
        "$schema", "name", "timeoutSeconds", "maxBodyBytes", "lifecycleTimeoutSeconds", "strict", "apis", "embedded",
    ]
    public static let api = [
        "baseURL", "baseURLEnv", "region", "auth", "inputs", "fixtures", "formats", "knownDivergences",
        "pollIntervalSeconds", "rateLimit",
    ]
    public static let auth = [
        "accessKeyIdEnv", "secretAccessKeyEnv", "tokenEnv", "apiKeyEnv", "passwordEnv", "logonPath", "cookieName",
    ]
    public static let embedded = ["defects", "variations", "timeScale"]
    public static let knownDivergence = ["cases", "reason"]

    /// Refuses the first key of `data` that no place of a target config has.
    static func check(_ data: Data, file: String) throws {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return }
        func fail(_ field: String, _ reason: String) -> ConfigurationError {
            ConfigurationError(file: file, field: field, reason: reason)
        }
        /// `object`'s keys against `allowed`; `outer` are the places around it, nearest first, for a key put one level
        /// too deep.
        func check(
            _ object: [String: Any], at path: String, named place: String, allowed: [String],
            outer: [(path: String, keys: [String])]
        ) throws {
            for key in object.keys.sorted() where !allowed.contains(key) {
                let field = path.isEmpty ? key : "\(path).\(key)"
                var reason = "not a key of \(place)"
                if let home = outer.first(where: { $0.keys.contains(key) }) {
                    reason += "; did you mean \(home.path.isEmpty ? key : "\(home.path).\(key)")?"
                } else if let near = closest(key, in: allowed) {
                    reason += "; did you mean \(path.isEmpty ? near : "\(path).\(near)")?"
                }
                throw fail(
                    field,
                    reason + " (the keys of \(place): \(allowed.filter { $0 != "$schema" }.joined(separator: ", ")))")
            }
        }
        try check(root, at: "", named: "a target config", allowed: top, outer: [])
        for (api, value) in ((root["apis"] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let target = value as? [String: Any] else { continue }
            let at = "apis.\(api)"
            try check(target, at: at, named: "an API's target", allowed: Self.api, outer: [("", top)])
            if let auth = target["auth"] as? [String: Any] {
                try check(
                    auth, at: "\(at).auth", named: "auth", allowed: Self.auth, outer: [(at, Self.api), ("", top)])
            }
            for (index, item) in ((target["knownDivergences"] as? [Any]) ?? []).enumerated() {
                guard let divergence = item as? [String: Any] else { continue }
                try check(
                    divergence, at: "\(at).knownDivergences[\(index)]", named: "a known divergence",
                    allowed: knownDivergence, outer: [(at, Self.api)])
            }
        }
        if let embedded = root["embedded"] as? [String: Any] {
            try check(embedded, at: "embedded", named: "embedded", allowed: Self.embedded, outer: [("", top)])
        }
    }

    /// The allowed key nearest `key` (two edits at most, letter case aside), if any.
    private static func closest(_ key: String, in allowed: [String]) -> String? {
        let folded = Array(key.lowercased())
        let scored = allowed.map { candidate -> (String, Int) in
            (candidate, distance(folded, Array(candidate.lowercased())))
        }
        return scored.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
