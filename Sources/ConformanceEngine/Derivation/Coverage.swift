import ConformanceModel

/// How many cases exercise each rule of a profile. A rule with none is a gap in the suite, not a pass.
package struct Coverage: Sendable {
    package struct Row: Sendable {
        package let id: String
        package let kind: String
        package let source: String
        package let cases: Int
        /// The level of the rule's firmest fact.
        package let level: Level
        /// Each fact the rule asserts, with whether breaking it fails a case or warns, and why.
        package let assertions: [Assertion]

        /// `required`, or each fact with its level where they differ (`presence recommended, type required`).
        package var levelText: String {
            Set(assertions.map(\.level)).count <= 1
                ? level.rawValue : assertions.map { "\($0.fact.rawValue) \($0.level.rawValue)" }.joined(separator: ", ")
        }
    }

    /// One fact a rule asserts, at the level its ground gives it.
    package struct Assertion: Sendable {
        package let fact: Fact
        package let level: Level
        /// Why: the override's reason, or the documents that speak to the fact.
        package let ground: String
        /// The words a finding about this fact cites.
        package let source: String?

        package init(_ fact: Fact, of rule: some Graded) {
            self.fact = fact
            level = rule.level(of: fact)
            ground = rule.levelGround(of: fact)
            source = rule.ground(of: fact)?.citation
        }
    }

    package let api: String
    package let rows: [Row]
    /// What the profile asserts of every answer's form — media types, XML roots and namespaces, error forms — which
    /// no single rule id names.
    package let answerForms: [(name: String, assertions: [Assertion])]
    package let anomalies: Int

    package var uncovered: [Row] { rows.filter { $0.cases == 0 } }

    package init(profile: Profile, cases: [DerivedCase]) {
        var counts: [String: Int] = [:]
        for item in cases where item.api == profile.api {
            for id in Set(item.covers) { counts[id, default: 0] += 1 }
        }
        var rows: [Row] = []
        func row(_ id: String, _ kind: String, _ source: Source, _ rule: some Graded) {
            rows.append(
                Row(
                    id: id, kind: kind, source: source.citation, cases: counts[id] ?? 0, level: rule.resolvedLevel,
                    assertions: rule.facts.map { Assertion($0, of: rule) }))
        }
        for input in profile.inputs {
            for constraint in input.constraints {
                row(constraint.id, "input \(constraint.kind.rawValue)", constraint.source, constraint)
            }
        }
        for response in profile.responses {
            for field in response.fields { row(field.id, "response field", field.sources[0], field) }
            for invariant in response.invariants {
                row(invariant.id, "invariant \(invariant.kind.rawValue)", invariant.source, invariant)
            }
        }
        for mapping in profile.errors {
            row(mapping.id, "error \(mapping.status.map(String.init) ?? "body")", mapping.source, mapping)
        }
        row(profile.lifecycle.id, "lifecycle", profile.lifecycle.source, profile.lifecycle)
        for agreement in profile.agreements ?? [] {
            row(agreement.id, "agreement across formats", agreement.source, agreement)
        }
        var forms: [(String, [Assertion])] = []
        func form(_ name: String, _ rule: some Graded) {
            if !rule.facts.isEmpty { forms.append((name, rule.facts.map { Assertion($0, of: rule) })) }
        }
        for binding in profile.formats { form("\(binding.format.label) answer", binding) }
        for model in profile.responses { form("\(model.format.label) answer", model) }
        for errorForm in profile.errorForms { form("\(errorForm.format.label) error answer", errorForm) }
        self.api = profile.api
        self.rows = rows
        answerForms = forms
        self.anomalies = profile.anomalies.count
    }
}
