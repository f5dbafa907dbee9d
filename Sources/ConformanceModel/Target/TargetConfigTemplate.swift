import Foundation

/// A starting target config (`conformance init`): every input, every fixture role with what it must be, the credential
/// variables and the region, each value to fill in a placeholder that a run refuses until it is filled.
public enum TargetConfigTemplate {
    /// What every value still to be filled starts with.
    public static let placeholder = "<FILL IN"

    /// The config for `profiles`, as JSON text in the order a reader fills it in; `schema` is where its editor finds
    /// `target-config.schema.json`.
    public static func text(for profiles: [Profile], schema: String = "target-config.schema.json") -> String {
        var apis: [String] = []
        for profile in profiles {
            apis.append("    \(quoted(profile.api)): {\n" + members(of: profile).joined(separator: ",\n") + "\n    }")
        }
        return "{\n  \"$schema\": \(quoted(schema)),\n  \"name\": \"my target\",\n"
            + "  \"apis\": {\n" + apis.joined(separator: ",\n") + "\n  }\n}\n"
    }

    /// The environment variable `init` names for one of an API's credentials (`CODECATALYST_TOKEN`).
    public static func variable(_ api: String, _ credential: String) -> String {
        "\(api.uppercased())_\(credential)"
    }

    private static func members(of profile: Profile) -> [String] {
        let api = profile.api
        var lines = [
            "      \"baseURL\": " + fill("the API's base URL: scheme, host, port and any path prefix")
        ]
        let auth: [(String, String)]
        switch profile.auth.scheme {
        case .sigv4:
            lines.append("      \"region\": \"us-east-1\"")
            auth = [
                ("accessKeyIdEnv", variable(api, "ACCESS_KEY_ID")),
                ("secretAccessKeyEnv", variable(api, "SECRET_ACCESS_KEY")),
            ]
        case .bearer: auth = [("tokenEnv", variable(api, "TOKEN"))]
        case .sessionCookie:
            auth = [("apiKeyEnv", variable(api, "API_KEY")), ("passwordEnv", variable(api, "PASSWORD"))]
        }
        lines.append(
            "      \"auth\": { " + auth.map { "\(quoted($0.0)): \(quoted($0.1))" }.joined(separator: ", ") + " }")
        let others = profile.inputs.filter { !$0.identifies }
        if !others.isEmpty {
            let values = others.map { input in
                "        \(quoted(input.name)): " + fill("the \(input.name) every request uses")
            }
            lines.append("      \"inputs\": {\n" + values.joined(separator: ",\n") + "\n      }")
        }
        if let id = profile.inputs.first(where: \.identifies) {
            let roles = profile.fixtures.map { role in
                "        \(quoted(role.role)): { \(quoted(id.name)): " + fill(role.description) + " }"
            }
            lines.append("      \"fixtures\": {\n" + roles.joined(separator: ",\n") + "\n      }")
        }
        return lines
    }

    private static func fill(_ what: String) -> String { quoted("\(placeholder): \(what)>") }

    private static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return data.map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "\"\(text)\""
    }

    /// The first value of `config` still a placeholder, as the field it is in and what it must be.
    static func unfilled(in config: TargetConfig) -> (field: String, what: String)? {
        func what(_ value: String) -> String? {
            guard value.hasPrefix(placeholder) else { return nil }
            return String(value.dropFirst(placeholder.count + 2).dropLast())
        }
        for (api, target) in config.apis.sorted(by: { $0.key < $1.key }) {
            if let need = what(target.baseURL) { return ("apis.\(api).baseURL", need) }
            for (name, value) in target.inputs.sorted(by: { $0.key < $1.key }) {
                if let need = what(value) { return ("apis.\(api).inputs.\(name)", need) }
            }
            for (role, values) in target.fixtures.sorted(by: { $0.key < $1.key }) {
                for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                    if let need = what(value) { return ("apis.\(api).fixtures.\(role).\(name)", need) }
                }
            }
        }
        return nil
    }
}
