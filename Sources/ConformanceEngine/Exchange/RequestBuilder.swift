import ConformanceModel
import Foundation
import SigV4

/// Turns a case into the unsigned request it describes for one target.
/// A class, made once per API: every case shares it instead of copying the profile and target.
package final class RequestBuilder: Sendable {
    let profile: Profile
    let target: ResolvedTarget
    /// Each format the profile binds, worked out once.
    private let formats: [WireFormat: FormatPlan]
    /// The target's inputs with each fixture's values over them, by fixture role.
    private let valuesByRole: [String: [String: String]]

    package init(profile: Profile, target: ResolvedTarget) {
        self.profile = profile
        self.target = target
        formats = Dictionary(
            profile.formats.map { ($0.format, FormatPlan($0)) }, uniquingKeysWith: { first, _ in first })
        valuesByRole = target.fixtures.mapValues { fixture in target.inputs.merging(fixture) { _, new in new } }
    }

    enum Refusal: Error { case skip(String) }

    package func build(_ item: DerivedCase) throws -> PreparedRequest {
        guard let plan = formats[item.format] else {
            throw Refusal.skip("the profile has no \(item.format) format")
        }
        let binding = plan.binding
        if let formats = target.formats, !formats.contains(item.format) {
            throw Refusal.skip(
                "the target config serves only \(formats.map(\.rawValue).sorted().joined(separator: ", ")) for \(profile.api)"
            )
        }
        var values: [String: String]
        let role = item.request.fixture ?? "succeeded"
        if let fixture = valuesByRole[role] {
            values = fixture
        } else if item.request.fixture != nil {
            throw Refusal.skip("the target config gives no fixture '\(role)' for \(profile.api)")
        } else {
            values = target.inputs
            if let identity = profile.inputs.first(where: \.identifies), values[identity.name] == nil {
                values[identity.name] = ValueGenerator.unknownValue(for: identity)
            }
        }
        for (name, override) in item.request.overrides {
            switch override {
            case .value(let value): values[name] = value
            case .omitted: values[name] = nil
            }
        }
        for input in profile.inputs
        where input.required && values[input.name] == nil && item.request.overrides[input.name] == nil {
            throw Refusal.skip("the target config gives no value for \(profile.api) input '\(input.name)'")
        }

        var pathValues: [String: String] = [:]
        var query = item.request.queryChanges.map(plan.query(changing:)) ?? plan.query
        var headers: [(name: String, value: String)] = [("Host", target.hostHeader)] + plan.headers
        var bodyMembers: [(Input, String)] = []
        for input in profile.inputs {
            let value = values[input.name]
            switch binding.placement[input.name] {
            case .path?:
                pathValues[input.name] = value ?? ""
            case .query?:
                if let value { query.append("\(SigV4.encode(input.onTheWire))=\(SigV4.encode(value))") }
            case .header?:
                if let value { headers.append((input.onTheWire, value)) }
            case .body?:
                if let value { bodyMembers.append((input, value)) }
            case nil:
                break
            }
        }
        var body: [UInt8] = []
        if let encoding = binding.body {
            headers.append(("Content-Type", encoding.contentType))
            if let raw = item.request.rawBody {
                body = Array(raw.utf8)
            } else {
                body = encode(bodyMembers, as: encoding, strings: Set(item.request.jsonStrings ?? []))
            }
        }
        let path = (item.request.path.map(PathTemplate.init) ?? plan.template).filled(with: pathValues)
        var sent: [String: String] = [:]
        for input in profile.inputs { sent[input.name] = values[input.name] }
        return PreparedRequest(
            method: binding.method, origin: target.baseURL, path: path, query: query.joined(separator: "&"),
            headers: headers, body: body, sent: sent)
    }

    /// `strings`: inputs written as JSON strings whatever their type.
    private func encode(_ members: [(Input, String)], as encoding: BodyBinding, strings: Set<String>) -> [UInt8] {
        switch encoding.encoding {
        case .json:
            let parts = members.map { input, value -> String in
                let literal =
                    input.type == .integer && !strings.contains(input.name)
                        && WholeMatch.matches(WholeMatch.integer, value)
                    ? value : JSONText.quoted(value)
                return "\(JSONText.quoted(input.onTheWire)):\(literal)"
            }
            return Array("{\(parts.joined(separator: ","))}".utf8)
        case .xml:
            let root = encoding.root ?? "Request"
            let inner = members.map { "<\($0.0.onTheWire)>\(XMLText.escape($0.1))</\($0.0.onTheWire)>" }.joined()
            return Array("<\(root)>\(inner)</\(root)>".utf8)
        }
    }
}

/// What every request of one format carries whatever the case: its binding, the binding's fixed query pairs
/// (encoded) and headers, each sorted by name, and its path template.
private struct FormatPlan: Sendable {
    let binding: FormatBinding
    let query: [String]
    let headers: [(name: String, value: String)]
    let template: PathTemplate

    init(_ binding: FormatBinding) {
        self.binding = binding
        query = Self.encoded(binding.query)
        headers = binding.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        template = PathTemplate(binding.path)
    }

    /// The fixed query with `changes` made: a parameter given another value, or left out.
    func query(changing changes: [String: RequestPlan.Override]) -> [String] {
        var parameters = binding.query
        for (name, change) in changes {
            switch change {
            case .value(let value): parameters[name] = value
            case .omitted: parameters[name] = nil
            }
        }
        return Self.encoded(parameters)
    }

    private static func encoded(_ parameters: [String: String]) -> [String] {
        parameters.sorted { $0.key < $1.key }.map { "\(SigV4.encode($0.key))=\(SigV4.encode($0.value))" }
    }
}
