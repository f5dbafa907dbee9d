import ConformanceModel
import Foundation
import Testing

@testable import ConformanceEngine

@Suite("Case derivation")
struct DerivationTests {
    static let profiles = (try? ProfileLoader.loadAll()) ?? []

    private func cases(_ api: String) -> [DerivedCase] {
        CaseDeriver.derive(Self.profiles.filter { $0.api == api })
    }

    private func expectation(_ id: String, in api: String) -> ExpectedAnswer? {
        cases(api).first { $0.id == id }?.expectation
    }

    @Test("ids are unique and identical across derivations")
    func idsStable() {
        let first = CaseDeriver.derive(Self.profiles).map(\.id)
        let second = CaseDeriver.derive(try! ProfileLoader.loadAll()).map(\.id)
        #expect(first == second)
        #expect(Set(first).count == first.count)
        #expect(first.count > 200)
    }

    @Test("the JSON form of the cases (`conformance list --json`) reads back to the same cases")
    func jsonRoundTrip() throws {
        let cases = CaseDeriver.derive(Self.profiles)
        let data = try JSONEncoder().encode(cases)
        #expect(try JSONDecoder().decode([DerivedCase].self, from: data) == cases)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("\"_0\"") && text.contains("\"outcome\":\"error\""))
    }

    @Test("every rule of every profile is covered by at least one case")
    func fullCoverage() {
        let all = CaseDeriver.derive(Self.profiles)
        for profile in Self.profiles {
            #expect(Coverage(profile: profile, cases: all).uncovered.map(\.id) == [])
        }
    }

    @Test("length boundaries: min-1, empty, min, max, max+1")
    func lengthBoundaries() {
        let api = "codecatalyst"
        #expect(
            expectation("codecatalyst.spaceName.length.min-1", in: api)
                == .error("codecatalyst.error.ValidationException"))
        // An empty path segment changes the route: a router's 404 is tolerated, a success never.
        #expect(
            expectation("codecatalyst.spaceName.length.empty", in: api)
                == .rejectionOrRouter("codecatalyst.error.ValidationException"))
        #expect(expectation("codecatalyst.spaceName.length.min", in: api)?.isAccepted == true)
        #expect(expectation("codecatalyst.spaceName.length.max", in: api)?.isAccepted == true)
        #expect(
            expectation("codecatalyst.spaceName.length.max+1", in: api)
                == .error("codecatalyst.error.ValidationException"))
        let sent = cases(api).first { $0.id == "codecatalyst.spaceName.length.max+1" }?.request.overrides["spaceName"]
        #expect(sent == .value(String(repeating: "a", count: 64)))
    }

    @Test("character classes inside and outside a pattern, URL-significant ones included")
    func patternProbes() {
        let api = "cloudcontrol"
        #expect(expectation("cloudcontrol.json.RequestToken.pattern.char-slash", in: api)?.isAccepted == true)
        #expect(expectation("cloudcontrol.json.RequestToken.pattern.char-plus", in: api)?.isAccepted == true)
        for probe in ["char-question", "char-hash", "char-percent", "dotdot", "char-space", "non-ascii", "emoji"] {
            #expect(
                expectation("cloudcontrol.json.RequestToken.pattern.\(probe)", in: api)
                    == .error("cloudcontrol.error.ValidationException"), "\(probe)")
        }
        #expect(
            expectation("codecatalyst.spaceName.pattern.dotdot", in: "codecatalyst")
                == .error("codecatalyst.error.ValidationException"))
        #expect(expectation("codecatalyst.spaceName.pattern.char-dot", in: "codecatalyst")?.isAccepted == true)
    }

    @Test("UUID ids: well-formed variants accepted, malformed ones rejected, and the seed's own sample rejected")
    func uuidVariants() {
        let api = "codecatalyst"
        #expect(expectation("codecatalyst.id.uuid.valid-lowercase", in: api)?.isAccepted == true)
        #expect(expectation("codecatalyst.id.uuid.uppercase", in: api)?.isAccepted == true)
        for variant in ["no-hyphens", "too-short", "too-long", "group-sizes", "non-hex", "braces", "urn"] {
            #expect(
                expectation("codecatalyst.id.uuid.\(variant)", in: api)
                    == .error("codecatalyst.error.ValidationException"), "\(variant)")
        }
        #expect(expectation("codecatalyst.id.sample.1", in: api) == .error("codecatalyst.error.ValidationException"))
    }

    @Test("integer ids: non-integers rejected with StatusCode 3, integers accepted")
    func integerIds() {
        let api = "centurylink"
        for variant in ["non-integer", "decimal", "exponent", "leading-space"] {
            #expect(
                expectation("centurylink.json.RequestID.type.\(variant)", in: api)
                    == .error("centurylink.error.invalid-format"))
        }
        #expect(expectation("centurylink.json.RequestID.type.unknown", in: api)?.isAccepted == true)
        #expect(
            expectation("centurylink.xml.RequestID.required.missing", in: api)
                == .error("centurylink.error.invalid-format"))
    }

    @Test("every documented error mapping that can be provoked has a case expecting it")
    func errorMappings() {
        for profile in Self.profiles {
            let expected = Set(
                cases(profile.api).compactMap { item -> String? in
                    if case .error(let id) = item.expectation { return id } else { return nil }
                })
            for mapping in profile.errors {
                #expect(expected.contains(mapping.id), "\(mapping.id)")
            }
        }
        let throttled = cases("codecatalyst").first { $0.id == "codecatalyst.errors.ThrottlingException" }
        #expect(throttled?.request.fixture == "throttled")
    }

    @Test("auth cases: missing, invalid and (SigV4) malformed credentials")
    func authCases() {
        #expect(
            cases("s3control").filter { $0.family == .auth }.map(\.request.auth) == [.missing, .invalid, .malformed])
        #expect(cases("oracle").filter { $0.family == .auth }.map(\.request.auth) == [.missing, .invalid, .malformed])
    }

    @Test("path values that change the route expect the rejection or a router's protocol error; others the rejection")
    func routeChangingValues() {
        let api = "codecatalyst"
        for id in [
            "codecatalyst.spaceName.required.missing", "codecatalyst.spaceName.pattern.char-slash",
            "codecatalyst.projectName.length.empty",
        ] {
            #expect(expectation(id, in: api) == .rejectionOrRouter("codecatalyst.error.ValidationException"), "\(id)")
        }
        #expect(
            expectation("codecatalyst.spaceName.pattern.dotdot", in: api)
                == .error("codecatalyst.error.ValidationException"))
        #expect(
            expectation("s3control.RequestTokenARN.length.empty", in: "s3control")
                == .rejectionOrRouter("s3control.error.InvalidRequest"))
        #expect(expectation("oracle.id.required.missing", in: "oracle") == .rejectionOrRouter("oracle.error.400"))
        #expect(
            expectation("cloudcontrol.json.RequestToken.pattern.char-slash", in: "cloudcontrol")?.isAccepted == true)
    }

    @Test("a value only a recommended rule refuses is a recommended case; required rules make required ones")
    func caseLevels() {
        let leading = cases("centurylink").first { $0.id == "centurylink.json.RequestID.type.leading-space" }
        #expect(leading?.level == .recommended && leading?.expectation == .error("centurylink.error.invalid-format"))
        #expect(cases("centurylink").first { $0.id == "centurylink.json.RequestID.type.decimal" }?.level == .required)
        #expect(cases("codecatalyst").first { $0.id == "codecatalyst.spaceName.length.max+1" }?.level == .required)
    }

    @Test(
        "whole-value matching rejects a trailing line break, and every pattern gets that probe and a control character")
    func anchoring() {
        #expect(!WholeMatch.matches("[a-z]+", "abc\n"))
        #expect(!WholeMatch.matches("[a-z]+", "abc\r\n"))
        #expect(WholeMatch.matches("[a-z]+", "abc"))
        let api = "codecatalyst"
        for id in [
            "codecatalyst.spaceName.pattern.trailing-newline", "codecatalyst.spaceName.pattern.control-char",
            "codecatalyst.id.uuid.trailing-newline",
        ] {
            #expect(expectation(id, in: api) == .error("codecatalyst.error.ValidationException"), "\(id)")
        }
        // A header cannot carry a line break, so header inputs get neither probe.
        #expect(!cases("s3control").contains { $0.id == "s3control.AccountId.pattern.trailing-newline" })
    }

    @Test("generated values the profile calls valid match every pattern and length of their input")
    func generatedValidValuesConform() throws {
        for profile in Self.profiles {
            for item in CaseDeriver.derive(profile) {
                let binding = profile.format(item.format)
                for (name, override) in item.request.overrides {
                    guard case .value(let sent) = override, let input = profile.input(name) else { continue }
                    // An integer in an XML body is read with the white space around it collapsed (xs:int).
                    let inXML = binding?.body?.encoding == .xml && binding?.placement[name] == .body
                    let value = inXML && input.type == .integer ? AnswerDocument.collapsingSpace(sent) : sent
                    let valid = input.constraints.allSatisfy { $0.admits(value, type: input.type) }
                    for constraint in input.constraints where constraint.kind == .pattern {
                        let matches = try matchesIndependently(constraint.pattern!, value)
                        if item.expectation.isAccepted {
                            #expect(matches, "\(item.id): '\(value)' must match \(constraint.pattern!)")
                        }
                        if !matches { #expect(!valid) }
                    }
                    if item.expectation.isAccepted { #expect(valid, "\(item.id)") }
                }
            }
        }
    }

    @Test("a pattern rule is derived the same way for any generated pattern", arguments: 0..<40)
    func propertyRandomAlphabet(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let alphabet = Array("abcXYZ019-_.")
        let allowed = String(alphabet.shuffled(using: &generator).prefix(4))
        let pattern =
            "[\(NSRegularExpression.escapedPattern(for: allowed).replacingOccurrences(of: "-", with: "\\-"))]+"
        let input = Input(
            name: "x", wireName: nil, type: .string, required: true,
            constraints: [
                InputConstraint(
                    id: "t.x.pattern", kind: .pattern, min: nil, max: nil, pattern: pattern, format: nil,
                    source: Source(document: "test", quote: "generated"))
            ],
            rejection: "t.error", identifies: true,
            samples: [Sample(value: String(allowed.prefix(3)), source: Source(document: "test", quote: "s"))])
        for probe in ValueGenerator.probes {
            let value = ValueGenerator.replacingMiddle(of: ValueGenerator.validBase(for: input) ?? "", with: probe.text)
            #expect(input.admits(value) == (try matchesIndependently(pattern, value)), "\(pattern) vs '\(value)'")
        }
    }

    /// A second opinion on whole-value matching, independent of `WholeMatch`.
    private func matchesIndependently(_ pattern: String, _ value: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        let whole = NSRange(value.startIndex..., in: value)
        return expression.matches(in: value, range: whole).contains { $0.range == whole }
    }
}

/// Deterministic generator so the property test explores the same alphabets every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ExpectedAnswer {
    var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}
