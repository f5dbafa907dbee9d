import Foundation

/// What the defects' rewrites do to an answer's body, written once.
extension Reply {
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body with every `target` replaced.
    mutating func replace(_ target: String, with replacement: String, options: String.CompareOptions = []) {
        body = Array(text.replacingOccurrences(of: target, with: replacement, options: options).utf8)
    }

    /// The top-level JSON object with its members (keys as written, quotes included) as `change` gives them; a body
    /// that is not a JSON object, or that `change` gives nil for, is left as it is.
    mutating func rewriteMembers(_ change: ([(key: String, value: JSONTree)]) -> [(key: String, value: JSONTree)]?) {
        guard case .object(let members)? = JSONTree.parse(body), let changed = change(members) else { return }
        body = Array(JSONTree.object(changed).rendered(pretty: false).utf8)
    }

    /// The members of the objects a top-level member holds (itself an object, or an array of them) as `change` gives
    /// each.
    mutating func rewriteFields(
        in container: String, _ change: @escaping ((key: String, value: JSONTree)) -> (key: String, value: JSONTree)
    ) {
        func changed(_ tree: JSONTree) -> JSONTree {
            guard case .object(let fields) = tree else { return tree }
            return .object(fields.map(change))
        }
        rewriteMembers { members in
            members.map { member in
                guard member.key == "\"\(container)\"" else { return member }
                if case .array(let items) = member.value { return (member.key, .array(items.map(changed))) }
                return (member.key, changed(member.value))
            }
        }
    }

    /// The value of a top-level JSON member as written (`"FAILED"`, `100`), if there is one.
    func member(_ key: String) -> String? {
        guard case .scalar(let text)? = JSONTree.parse(body)?.member("\"\(key)\"") else { return nil }
        return text
    }

    var isJSON: Bool { headers.contains { $0.0.lowercased() == "content-type" && $0.1.contains("json") } }
}
