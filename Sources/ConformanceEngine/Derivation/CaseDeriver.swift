import ConformanceModel

/// Turns a profile into its cases: deterministic, ordered, each id unique.
///
/// ```swift
/// let cases = CaseDeriver.derive(profile)   // same ids, same order, every run
/// ```
package enum CaseDeriver {
    package static func derive(_ profile: Profile) -> [DerivedCase] {
        var cases: [DerivedCase] = []
        for binding in profile.formats {
            var builder = Builder(profile: profile, format: binding.format)
            for input in profile.inputs { builder.inputCases(for: input) }
            builder.errorCases()
            builder.responseCases()
            cases += builder.cases
        }
        for agreement in profile.agreements ?? [] {
            guard let format = agreement.fields.keys.sorted(by: { $0.rawValue < $1.rawValue }).first else { continue }
            let name = agreement.id.dropFirst(profile.api.count + ".agreement.".count)
            cases.append(
                DerivedCase(
                    id: "\(profile.api).response.\(name)-agrees", api: profile.api, family: .response, format: format,
                    covers: [agreement.id],
                    summary: "fixture '\(agreement.fixture)' is given the same \(name) in "
                        + agreement.fields.keys.map(\.label).sorted().joined(separator: " and "),
                    request: RequestPlan(fixture: agreement.fixture), expectation: .agreement(agreement.id),
                    level: agreement.resolvedLevel))
        }
        return cases
    }

    package static func derive(_ profiles: [Profile]) -> [DerivedCase] {
        profiles.flatMap(derive)
    }
}

/// Accumulates one format's cases; ids carry the format only when the API has more than one.
private struct Builder {
    let profile: Profile
    let format: WireFormat
    var cases: [DerivedCase] = []
    private var seen: Set<String> = []

    init(profile: Profile, format: WireFormat) {
        self.profile = profile
        self.format = format
    }

    private var prefix: String {
        profile.formats.count > 1 ? "\(profile.api).\(format)" : profile.api
    }

    private var formatNote: String {
        profile.formats.count > 1 ? " (\(format.label))" : ""
    }

    // MARK: inputs

    mutating func inputCases(for input: Input) {
        // An input the documents mark required but for which no constraint says so still gets its missing case.
        if input.required && !input.constraints.contains(where: { $0.kind == .required }) { requiredCase(input, nil) }
        for constraint in input.constraints {
            switch constraint.kind {
            case .required: requiredCase(input, constraint)
            case .length: lengthCases(input, constraint)
            case .pattern: patternCases(input, constraint)
            case .format: formatCases(input, constraint)
            case .type: typeCases(input, constraint)
            }
        }
        for (index, sample) in input.samples.enumerated() {
            let written = sample.jsonString == true
            if written, bodyEncoding(of: input) != .json { continue }
            valueCase(
                input, subject: [], name: "sample.\(index + 1)", value: sample.value,
                what: "documented sample '\(sample.value)'\(written ? " written as a JSON string" : "") "
                    + "(\(sample.source.document) line \(sample.source.line ?? 0))",
                asJSONString: written)
        }
    }

    private mutating func requiredCase(_ input: Input, _ constraint: InputConstraint?) {
        let placement = profile.format(format)?.placement[input.name]
        let override: RequestPlan.Override = placement == .path ? .value("") : .omitted
        let how = placement == .path ? "an empty path segment" : "the \(placement?.rawValue ?? "") parameter left out"
        add(
            name: "\(input.name).required.missing", family: .input,
            covers: (constraint.map { [$0.id] } ?? []) + [input.rejection],
            summary: "\(input.name) missing (\(how)) is rejected",
            plan: RequestPlan(overrides: [input.name: override]),
            expectation: placement == .path ? .rejectionOrRouter(input.rejection) : .error(input.rejection),
            level: constraint?.resolvedLevel ?? .required)
    }

    private mutating func lengthCases(_ input: Input, _ constraint: InputConstraint) {
        var lengths: [(String, Int)] = []
        if let low = constraint.min {
            if low - 1 > 0 { lengths.append(("min-1", low - 1)) }
            if low > 0 { lengths.append(("empty", 0)) }
            lengths.append(("min", low))
        }
        if let high = constraint.max {
            lengths.append(("max", high))
            lengths.append(("max+1", high + 1))
        }
        for (name, length) in lengths {
            let value = ValueGenerator.value(ofLength: length, for: input)
            valueCase(
                input, subject: [constraint.id], name: "length.\(name)", value: value,
                what: "length \(length) (\(name))")
        }
    }

    private mutating func patternCases(_ input: Input, _ constraint: InputConstraint) {
        guard let base = ValueGenerator.validBase(for: input) else { return }
        if constraint.pattern == WholeMatch.uuid {
            // A UUID format constraint on the same input derives these variants once for both rules.
            if input.constraints.contains(where: { $0.format == .uuid }) { return }
            return formatCases(input, constraint)
        }
        valueCase(
            input, subject: [constraint.id], name: "pattern.valid", value: base, what: "a value inside the pattern")
        // One character fewer and one more, of the valid value's own characters: a pattern that fixes the length
        // (`\d{12}`) refuses both, which a value of other characters could not show.
        if let last = base.last {
            valueCase(
                input, subject: [constraint.id], name: "pattern.shorter", value: String(base.dropLast()),
                what: "the valid value without its last character")
            valueCase(
                input, subject: [constraint.id], name: "pattern.longer", value: base + String(last),
                what: "the valid value with its last character repeated")
        }
        for probe in ValueGenerator.probes {
            let value = ValueGenerator.replacingMiddle(of: base, with: probe.text)
            valueCase(
                input, subject: [constraint.id], name: "pattern.\(probe.name)", value: value,
                what: "'\(probe.text)' inside the value")
        }
        // Whole-value matching must hold at the very end too: `^…$` engines let a final line break through. A header
        // cannot carry either probe (HTTP forbids control characters in field values), so header inputs go without.
        guard profile.format(format)?.placement[input.name] != .header else { return }
        valueCase(
            input, subject: [constraint.id], name: "pattern.trailing-newline", value: base + "\n",
            what: "a trailing line break")
        valueCase(
            input, subject: [constraint.id], name: "pattern.control-char",
            value: ValueGenerator.replacingMiddle(of: base, with: "\u{1}"),
            what: "a control character (U+0001) inside the value")
    }

    private mutating func formatCases(_ input: Input, _ constraint: InputConstraint) {
        guard let valid = ValueGenerator.unknownValue(for: input) else { return }
        let name = constraint.kind == .pattern ? "pattern" : (constraint.format?.rawValue ?? "format")
        let subject = input.constraints.filter { $0.format == .uuid || $0.pattern == WholeMatch.uuid }.map(\.id)
        valueCase(
            input, subject: subject, name: "\(name).valid-lowercase", value: valid,
            what: "a well-formed lower-case UUID")
        for variant in ValueGenerator.uuidVariants {
            valueCase(
                input, subject: subject, name: "\(name).\(variant.name)", value: variant.value,
                what: "UUID variant \(variant.name)")
        }
    }

    private mutating func typeCases(_ input: Input, _ constraint: InputConstraint) {
        for variant in ValueGenerator.integerVariants {
            valueCase(
                input, subject: [constraint.id], name: "type.\(variant.name)", value: variant.value,
                what: "integer variant \(variant.name) '\(variant.value)'")
        }
    }

    /// A case sending `value` for `input`; its expectation comes from whether the input's constraints admit it, and
    /// its level from the broken rules: a value only a recommended rule refuses is a recommended rejection.
    /// `asJSONString`: the value is written as the documents' example writes it against the input's type, so neither
    /// answer can be more than a warning.
    private mutating func valueCase(
        _ input: Input, subject: [String], name: String, value: String, what: String, asJSONString: Bool = false
    ) {
        // An integer in an XML body is read with the white space around it collapsed (xs:int): ' 7' is 7 there.
        let read = readsAsXMLInteger(input) ? AnswerDocument.collapsingSpace(value) : value
        let broken = input.constraints.filter { !$0.admits(read, type: input.type) }
        let valid = broken.isEmpty
        let covers = valid ? subject : Array(Set(subject + broken.map(\.id))).sorted() + [input.rejection]
        let expectation: ExpectedAnswer =
            valid
            ? .accepted(rejection: input.rejection)
            : changesRoute(input, value) ? .rejectionOrRouter(input.rejection) : .error(input.rejection)
        add(
            name: "\(input.name).\(name)", family: .input, covers: covers,
            summary: "\(input.name) with \(what) is \(valid ? "accepted" : "rejected")",
            plan: RequestPlan(overrides: [input.name: .value(value)], jsonStrings: asJSONString ? [input.name] : nil),
            expectation: expectation,
            level: !asJSONString && (broken.contains { $0.resolvedLevel == .required } || valid)
                ? .required : .recommended)
    }

    private func readsAsXMLInteger(_ input: Input) -> Bool {
        input.type == .integer && bodyEncoding(of: input) == .xml
    }

    /// The encoding of the body `input` is written in, or nil where this format places it elsewhere.
    private func bodyEncoding(of input: Input) -> WireFormat? {
        guard let binding = profile.format(format), binding.placement[input.name] == .body else { return nil }
        return binding.body?.encoding
    }

    /// A path value that makes another URL: empty, a `/` outside a greedy label, or a dot segment. A real service
    /// answers those from its router, before the operation's validator can.
    private func changesRoute(_ input: Input, _ value: String) -> Bool {
        guard let binding = profile.format(format), binding.placement[input.name] == .path else { return false }
        let greedy = binding.path.contains("{\(input.name)+}")
        let segments = value.split(separator: "/", omittingEmptySubsequences: false)
        return value.isEmpty || (!greedy && segments.count > 1) || segments.contains { $0 == "." || $0 == ".." }
    }

    // MARK: errors and auth

    mutating func errorCases() {
        let body = profile.format(format)?.body
        for mapping in profile.errors {
            let short = mapping.id.dropFirst(profile.api.count + ".error.".count)
            let answer = mapping.answerText
            switch mapping.provokedBy {
            case .invalidInput:
                continue
            case .unknownId:
                guard let input = profile.inputs.first(where: \.identifies),
                    let value = ValueGenerator.unknownValue(for: input)
                else { continue }
                add(
                    name: "errors.\(short)", family: .errors, covers: [mapping.id],
                    summary: "a well-formed \(input.name) that names nothing gets \(answer)",
                    plan: RequestPlan(overrides: [input.name: .value(value)]), expectation: .error(mapping.id))
            case .fixture:
                guard let role = mapping.fixture else { continue }
                add(
                    name: "errors.\(short)", family: .errors, covers: [mapping.id],
                    summary: "fixture '\(role)' gets \(answer)",
                    plan: RequestPlan(fixture: role), expectation: .error(mapping.id))
            case .unsupportedFormat:
                // One case per format: the body is written in it, and a target that picks its answer's format from
                // the body (serving the suffix as a success) is caught with either.
                guard let binding = profile.format(format) else { continue }
                let path =
                    binding.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
                        separator: "/") + "/YAML"
                add(
                    name: "errors.\(short)", family: .errors, covers: [mapping.id],
                    summary: "a format suffix the API does not speak (\(path)) gets \(answer)",
                    plan: RequestPlan(fixture: "succeeded", path: path), expectation: .error(mapping.id))
            case .queryParameter:
                guard let parameter = mapping.parameter, profile.format(format)?.query[parameter] != nil else {
                    continue
                }
                let change: RequestPlan.Override = mapping.value.map { .value($0) } ?? .omitted
                let how = mapping.value.map { "\(parameter)=\($0)" } ?? "no \(parameter)"
                // Refused at the mapping's level: a wrong Action names another operation, a Version only the profile's
                // reading of the protocol.
                add(
                    name: "errors.\(short)", family: .errors, covers: [mapping.id],
                    summary: "a query with \(how) gets \(answer)",
                    plan: RequestPlan(fixture: "succeeded", queryChanges: [parameter: change]),
                    expectation: .error(mapping.id), level: mapping.resolvedLevel)
            case .malformedBody:
                guard let body else { continue }
                let raw = body.encoding == .json ? "{\"unterminated\": " : "<\(body.root ?? "Request")><unclosed>"
                add(
                    name: "errors.\(short)", family: .errors, covers: [mapping.id],
                    summary: "an unparsable \(body.encoding.label) body gets \(answer)",
                    plan: RequestPlan(fixture: "succeeded", rawBody: raw), expectation: .error(mapping.id))
            case .authMissing, .authInvalid, .authMalformed:
                let mode: AuthMode =
                    mapping.provokedBy == .authMissing
                    ? .missing
                    : mapping.provokedBy == .authInvalid ? .invalid : .malformed
                add(
                    name: "auth.\(mode.rawValue)", family: .auth, covers: [mapping.id],
                    summary: "\(mode.rawValue) \(profile.auth.scheme.rawValue) credentials get \(answer)",
                    plan: RequestPlan(fixture: "succeeded", auth: mode), expectation: .error(mapping.id))
            }
        }
    }

    // MARK: responses and lifecycle

    mutating func responseCases() {
        guard let model = profile.response(format) else { return }
        let covers = model.fields.map(\.id) + model.invariants.map(\.id)
        if let example = profile.format(format)?.presignedExample {
            add(
                name: "auth.presigned", family: .auth, covers: covers,
                summary: "a request signed in its query string, as \(example.document) shows, is served",
                plan: RequestPlan(fixture: "succeeded", auth: .presigned), expectation: .success)
        }
        let roles = Set(profile.fixtures.map(\.role))
        for role in ["succeeded", "in-progress", "failed"] where roles.contains(role) {
            add(
                name: "response.\(role)", family: .response, covers: covers,
                summary: "the status answer for fixture '\(role)' satisfies the \(format.label) response model",
                plan: RequestPlan(fixture: role), expectation: .success)
        }
        add(
            name: "lifecycle", family: .lifecycle, covers: [profile.lifecycle.id],
            summary:
                "polling '\(profile.lifecycle.fixture)' reaches a terminal state with progress that never goes back",
            plan: RequestPlan(fixture: profile.lifecycle.fixture), expectation: .lifecycle)
    }

    private mutating func add(
        name: String, family: CaseFamily, covers: [String], summary: String,
        plan: RequestPlan, expectation: ExpectedAnswer, level: Level = .required
    ) {
        let id = "\(prefix).\(name)"
        guard seen.insert(id).inserted else { return }
        cases.append(
            DerivedCase(
                id: id, api: profile.api, family: family, format: format, covers: covers,
                summary: summary + formatNote, request: plan, expectation: expectation, level: level))
    }
}
