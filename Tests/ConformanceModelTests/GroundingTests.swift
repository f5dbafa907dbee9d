import ConformanceModel
import Foundation
import Testing

/// A failure must mean the target broke what the documents require. So every fact a profile judges as required is
/// walked here, and the words its ground quotes must state that very fact — the status code, the error code, the
/// member's name or type, each enumerated value, the bounds — or the rule must carry a `levelReason` naming the
/// document that does. A seed quoted for one fact lends no weight to another.
@Suite("Every required fact is stated by the words it cites")
struct GroundingTests {
    struct Gap: CustomStringConvertible {
        let api: String
        let rule: String
        let fact: Fact
        let why: String
        var description: String { "\(api): \(rule) \(fact.rawValue) — \(why)" }
    }

    /// The required facts whose ground does not state them.
    static func gaps(in profile: Profile) -> [Gap] {
        var gaps: [Gap] = []
        func audit(_ rule: some Graded, _ id: String, _ states: (Fact, String) -> Bool) {
            for fact in rule.facts where rule.level(of: fact) == .required {
                if let reason = rule.levelReason {
                    let named = profile.documents.keys.filter { $0 != "decision" && reason.contains($0) }
                    if named.isEmpty {
                        gaps.append(
                            Gap(api: profile.api, rule: id, fact: fact, why: "its levelReason names no document"))
                    }
                    continue
                }
                guard let ground = rule.ground(of: fact), ground.statesRequirement else {
                    gaps.append(Gap(api: profile.api, rule: id, fact: fact, why: "no seed or model speaks to it"))
                    continue
                }
                if !states(fact, ground.quote) {
                    gaps.append(Gap(api: profile.api, rule: id, fact: fact, why: "not stated by \(ground.citation)"))
                }
            }
        }
        for binding in profile.formats {
            audit(binding, "formats[\(binding.format)]") { _, quote in
                mentions(
                    quote,
                    binding.responseContentType.split(separator: "|").map(String.init) + [binding.format.rawValue])
            }
        }
        for model in profile.responses {
            audit(model, "responses[\(model.format)]") { fact, quote in
                switch fact {
                case .root: return quote.contains(model.root ?? "")
                case .namespace:
                    let namespace = model.namespace ?? ""
                    return namespace.isEmpty
                        ? quote.contains("<\(model.root ?? "")") && !quote.contains("xmlns=\"http")
                        : quote.contains(namespace)
                default: return false
                }
            }
            for field in model.fields {
                audit(field, field.id) { fact, quote in Self.states(fact, of: field, quote) }
            }
        }
        for form in profile.errorForms {
            audit(form, "errorForms[\(form.format)]") { fact, quote in
                switch fact {
                case .mediaType:
                    return mentions(
                        quote, form.contentType.split(separator: "|").map(String.init) + [form.format.rawValue])
                case .code: return mentions(quote, ["code", "__type"])
                case .members:
                    let names =
                        form.requiredFields.map { Self.memberName($0.split(separator: "|")[0]) }
                        + (form.fixedValues ?? [:]).keys.map { Self.memberName($0) }
                    return names.allSatisfy { mentions(quote, [$0]) }
                default: return false
                }
            }
        }
        for mapping in profile.errors {
            audit(mapping, mapping.id) { fact, quote in
                switch fact {
                case .status: return mapping.status.map { quote.contains(String($0)) } ?? false
                case .code:
                    guard let code = mapping.code else { return false }
                    return WholeMatch.isLiteral(code)
                        ? code.split(separator: "|").contains { quote.contains($0) } : mentions(quote, ["code"])
                case .headers: return mapping.requiredHeaders.allSatisfy { mentions(quote, [$0]) }
                default: return false
                }
            }
        }
        for input in profile.inputs {
            for constraint in input.constraints {
                audit(constraint, constraint.id) { _, quote in Self.states(constraint, of: input, quote) }
            }
        }
        return gaps
    }

    /// Whether `quote` states `fact` of a response member.
    static func states(_ fact: Fact, of field: ResponseField, _ quote: String) -> Bool {
        let name = memberName(field.path)
        switch fact {
        case .presence:
            // "required: spaceName" in a model, "Required: Yes" in a seed, or the seed's prose listing what the
            // answer includes ("The details include the request type, …").
            return mentions(quote, ["required"]) && mentions(quote, [name])
                || mentions(quote, ["required: yes", "include"])
        case .type:
            let words: [String]
            switch field.type {
            case .string: words = ["string"]
            case .integer: words = ["int", "integer", "number"]
            case .number: words = ["number", "percent"]
            case .boolean: words = ["boolean", "true", "false"]
            case .timestamp: words = ["time", "date"]
            case .array: words = ["array", "["]
            case .object: words = ["object", "complex", "{", "<"]
            }
            return mentions(quote, [name]) || mentions(quote, words)
        case .enumeration:
            return (field.enumeration ?? []).allSatisfy { quote.contains($0) } || mentions(quote, ["enum"])
        case .pattern: return quote.contains(field.pattern ?? "") || mentions(quote, ["pattern"])
        case .length:
            return [field.minLength, field.maxLength].compactMap { $0 }.allSatisfy { quote.contains(String($0)) }
        case .range:
            let bounds = [field.minimum, field.maximum].compactMap { $0 }
            return bounds.allSatisfy { quote.contains(Numbers.text($0)) }
                || (bounds == [0, 100] && mentions(quote, ["percent"]))
        default: return false
        }
    }

    /// Whether `quote` states an input constraint.
    static func states(_ constraint: InputConstraint, of input: Input, _ quote: String) -> Bool {
        switch constraint.kind {
        case .required: return mentions(quote, ["required", "yes"])
        case .length:
            return [constraint.min, constraint.max].compactMap { $0 }.allSatisfy { quote.contains(String($0)) }
        case .pattern: return quote.contains(constraint.pattern ?? "") || mentions(quote, ["pattern"])
        case .format:
            switch constraint.format {
            case .uuid: return mentions(quote, ["uuid", "[0-9a-fA-F]{8}"])
            case .arn: return mentions(quote, ["arn"])
            case .integer, nil: return mentions(quote, ["int"])
            }
        case .type: return mentions(quote, [input.type == .integer ? "int" : "string"])
        }
    }

    /// `RequestStatus` of `/*/ns:AsyncOperation/ns:RequestStatus`, `id` of `resources[].id`, `StatusCode` of `@StatusCode`.
    static func memberName(_ path: some StringProtocol) -> String {
        let last = String(path).split(whereSeparator: { $0 == "." || $0 == "/" }).last.map(String.init) ?? String(path)
        return last.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "@", with: "")
            .replacingOccurrences(of: "ns:", with: "")
    }

    static func mentions(_ quote: String, _ words: [String]) -> Bool {
        words.contains { quote.range(of: $0, options: .caseInsensitive) != nil }
    }

    @Test("every required fact of every profile is stated by the words its ground quotes")
    func requiredFactsAreStated() throws {
        let gaps = try ProfileLoader.loadAll().flatMap(Self.gaps)
        #expect(
            gaps.isEmpty,
            "\(gaps.count) required facts rest on words that do not state them:\n\(gaps.map(\.description).joined(separator: "\n"))"
        )
    }

    @Test("the audit finds a decision lent a seed's weight")
    func auditCatchesALentWeight() throws {
        var profile = try #require(ProfileLoader.loadAll().first { $0.api == "s3control" })
        let index = try #require(profile.responses.firstIndex { $0.format == .xml })
        let field = try #require(profile.responses[index].fields.firstIndex { $0.id.hasSuffix(".RequestStatus") })
        // The seed's words beside the decision, with no say on what they state: presence turns required.
        for source in profile.responses[index].fields[field].sources.indices {
            profile.responses[index].fields[field].sources[source].facts = nil
        }
        #expect(Self.gaps(in: profile).contains { $0.rule.hasSuffix(".RequestStatus") && $0.fact == .presence })
    }

    @Test("a fact is graded by the sources that speak to it, not by its neighbours")
    func levelPerFact() throws {
        let profile = try #require(ProfileLoader.loadAll().first { $0.api == "cloudcontrol" })
        let status = try #require(
            profile.response(.json)?.fields.first { $0.id == "cloudcontrol.response.json.OperationStatus" })
        #expect(status.level(of: .presence) == .recommended)
        #expect(status.level(of: .enumeration) == .required)
        #expect(status.level(of: .type) == .required)
        #expect(status.ground(of: .presence)?.document == "decision")
        #expect(status.ground(of: .enumeration)?.document == "botocore:cloudcontrol/2021-09-30")
    }
}
