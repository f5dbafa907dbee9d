import Foundation

/// The rules a profile must keep beyond its JSON shape: ids unique and prefixed by the API, patterns that compile,
/// bounds in order, every reference resolvable. Each broken rule names the field it found broken.
struct ProfileValidator {
    let profile: Profile
    let file: String

    /// Every section in turn; the first broken rule is thrown, naming its field.
    func validate() throws {
        try check(
            !profile.api.isEmpty && WholeMatch.matches("[a-z][a-z0-9]*", profile.api), "api",
            "must be lower-case letters and digits")
        try check(!profile.formats.isEmpty, "formats", "must list at least one format")
        try validateIds()
        try validateFormats()
        try validateInputs()
        try validateResponses()
        try validateErrors()
        try validateLifecycle()
        try validateAgreements()
        try validateSources()
    }

    private var formatNames: Set<WireFormat> { Set(profile.formats.map(\.format)) }
    private var inputNames: Set<String> { Set(profile.inputs.map(\.name)) }
    private var roles: Set<String> { Set(profile.fixtures.map(\.role)) }

    /// Each format's method, path and where every input goes.
    private func validateFormats() throws {
        let inputNames = inputNames
        for (index, format) in profile.formats.enumerated() {
            let at = "formats[\(index)]"
            try check(
                ["GET", "POST"].contains(format.method), "\(at).method", "must be GET or POST, found '\(format.method)'"
            )
            try check(format.path.hasPrefix("/"), "\(at).path", "must start with '/'")
            for name in format.placement.keys.sorted() where !inputNames.contains(name) {
                try fail("\(at).placement.\(name)", "names no input of this profile")
            }
            for input in profile.inputs where format.placement[input.name] == nil {
                try fail("\(at).placement", "does not place input '\(input.name)'")
            }
            for (name, place) in format.placement where place == .path {
                try check(
                    format.path.contains("{\(name)}") || format.path.contains("{\(name)+}"), "\(at).path",
                    "has no {\(name)} placeholder for a path input")
            }
            if format.placement.values.contains(.body) {
                try check(format.body != nil, "\(at).body", "is required when an input is placed in the body")
            }
        }
    }

    /// One identifying input; each input's rejection and constraints.
    private func validateInputs() throws {
        let errorIds = Set(profile.errors.map(\.id))
        try check(
            profile.inputs.filter(\.identifies).count == 1, "inputs", "exactly one input must have identifies: true")
        for (index, input) in profile.inputs.enumerated() {
            let at = "inputs[\(index)]"
            try check(
                errorIds.contains(input.rejection), "\(at).rejection", "names no error mapping ('\(input.rejection)')")
            for (cIndex, constraint) in input.constraints.enumerated() {
                try validate(constraint, at: "\(at).constraints[\(cIndex)]")
                try validateLevel(constraint, at: "\(at).constraints[\(cIndex)]")
            }
        }
    }

    /// Each response model's fields and invariants, a model for every format, and what states an XML root.
    private func validateResponses() throws {
        let formatNames = formatNames
        let inputNames = inputNames
        for (index, response) in profile.responses.enumerated() {
            let at = "responses[\(index)]"
            try check(
                formatNames.contains(response.format), "\(at).format",
                "names no format of this profile ('\(response.format)')")
            for (fIndex, field) in response.fields.enumerated() {
                try validate(field, at: "\(at).fields[\(fIndex)]")
            }
            for (iIndex, invariant) in response.invariants.enumerated() {
                let iAt = "\(at).invariants[\(iIndex)]"
                switch invariant.kind {
                case .echoesInput:
                    try check(
                        invariant.input.map(inputNames.contains) ?? false, "\(iAt).input",
                        "must name an input of this profile")
                case .notBefore:
                    try check(invariant.other != nil, "\(iAt).other", "is required for not-before")
                case .iff, .implies:
                    try check(
                        invariant.other != nil && invariant.value != nil && invariant.otherValue != nil,
                        "\(iAt)", "\(invariant.kind.rawValue) needs other, value and otherValue")
                }
                try validateLevel(invariant, at: iAt)
            }
        }
        for format in formatNames where profile.response(format) == nil {
            try fail("responses", "has no response model for format '\(format)'")
        }
        for (index, response) in profile.responses.enumerated() where response.format == .xml {
            try check(
                response.root == nil || !(response.sources ?? []).isEmpty, "responses[\(index)].sources",
                "must say what states the root's name and namespace")
        }
    }

    /// Each error mapping, the accepted outcomes, and an error form for every format saying where its code is.
    private func validateErrors() throws {
        let errorIds = Set(profile.errors.map(\.id))
        let roles = roles
        for format in formatNames where profile.errorForm(format) == nil {
            try fail("errorForms", "has no error form for format '\(format)'")
        }
        for (index, mapping) in profile.errors.enumerated() {
            let at = "errors[\(index)]"
            if let status = mapping.status {
                try check(
                    (400...599).contains(status), "\(at).status",
                    "must be an HTTP error status (400-599), found \(status)")
            }
            if let code = mapping.code {
                try check(WholeMatch.compile(code) != nil, "\(at).code", "is not a valid regular expression")
            }
            try validateLevel(mapping, at: at)
            if mapping.provokedBy == .queryParameter {
                try check(
                    mapping.parameter.map { name in profile.formats.contains { $0.query[name] != nil } } ?? false,
                    "\(at).parameter", "must name a fixed query parameter of one of the formats")
            }
            if mapping.provokedBy == .fixture {
                try check(
                    mapping.fixture.map(roles.contains) ?? false, "\(at).fixture",
                    "must name a fixture role of this profile")
            }
        }
        for (index, outcome) in profile.acceptedOutcomes.enumerated() {
            try check(errorIds.contains(outcome), "acceptedOutcomes[\(index)]", "names no error mapping ('\(outcome)')")
        }
        for (index, form) in profile.errorForms.enumerated() {
            try check(
                (form.reader == nil) != form.codeAt.isEmpty, "errorForms[\(index)].codeAt",
                form.reader == nil ? "must say where the code is kept" : "is not read when a reader is given")
        }
    }

    /// The lifecycle's fixture and its state field in every format.
    private func validateLifecycle() throws {
        try check(
            roles.contains(profile.lifecycle.fixture), "lifecycle.fixture", "must name a fixture role of this profile")
        for format in formatNames {
            try check(
                profile.lifecycle.statusField[format] != nil, "lifecycle.statusField",
                "has no field for format '\(format)'")
        }
    }

    /// Each agreement: its field in two formats or more, its fixture.
    private func validateAgreements() throws {
        let formatNames = formatNames
        let roles = roles
        for (index, agreement) in (profile.agreements ?? []).enumerated() {
            let at = "agreements[\(index)]"
            try check(agreement.fields.count >= 2, "\(at).fields", "must name the field in at least two formats")
            for format in agreement.fields.keys.sorted(by: { $0.rawValue < $1.rawValue })
            where !formatNames.contains(format) {
                try fail("\(at).fields", "names no format of this profile ('\(format)')")
            }
            try check(roles.contains(agreement.fixture), "\(at).fixture", "must name a fixture role of this profile")
            try validateLevel(agreement, at: at)
        }
    }

    /// Every cited document listed; every anomaly with its decision and why.
    private func validateSources() throws {
        for source in profile.allSources where profile.documents[source.document] == nil {
            try fail("documents", "has no entry for '\(source.document)', which a source cites")
        }
        for (index, anomaly) in profile.anomalies.enumerated() {
            try check(
                !anomaly.decision.isEmpty && !anomaly.why.isEmpty, "anomalies[\(index)]",
                "must say what was decided and why")
        }
    }

    /// A response field: its pattern compiles, its bounds are in order, a timestamp says its form, it cites a source.
    private func validate(_ field: ResponseField, at fieldAt: String) throws {
        if let pattern = field.pattern {
            try check(
                WholeMatch.compile(pattern) != nil, "\(fieldAt).pattern", "is not a valid regular expression")
        }
        if let low = field.minimum, let high = field.maximum {
            try check(low <= high, "\(fieldAt).minimum", "is greater than maximum")
        }
        try check(
            field.type != .timestamp || field.timestamp != nil, "\(fieldAt).timestamp",
            "is required for a timestamp field")
        try check(!field.sources.isEmpty, "\(fieldAt).sources", "must name at least one source")
        try validateLevel(field, at: fieldAt)
        if let form = field.exampleForm {
            try check(
                WholeMatch.compile(form.pattern) != nil, "\(fieldAt).exampleForm.pattern",
                "is not a valid regular expression")
            try check(
                profile.anomaly(form.anomaly) != nil, "\(fieldAt).exampleForm.anomaly",
                "names no anomaly of this profile ('\(form.anomaly)')")
        }
    }

    /// An override says why: a level that differs from what the sources give must be argued in the profile.
    private func validateLevel(_ rule: some Graded, at: String) throws {
        guard rule.level != nil else { return }
        try check(!(rule.levelReason ?? "").isEmpty, "\(at).levelReason", "is required when level is given")
    }

    private func validate(_ constraint: InputConstraint, at: String) throws {
        switch constraint.kind {
        case .length:
            try check(constraint.min != nil || constraint.max != nil, at, "a length constraint needs min or max")
            if let low = constraint.min, let high = constraint.max {
                try check(low <= high, "\(at).min", "is greater than max (\(low) > \(high))")
            }
            try check((constraint.min ?? 0) >= 0, "\(at).min", "must not be negative")
        case .pattern:
            guard let pattern = constraint.pattern else {
                return try fail("\(at).pattern", "is required for a pattern constraint")
            }
            try check(
                WholeMatch.compile(pattern) != nil, "\(at).pattern", "is not a valid regular expression: \(pattern)")
        case .format:
            try check(constraint.format != nil, "\(at).format", "is required for a format constraint")
        case .required, .type:
            break
        }
    }

    private func validateIds() throws {
        var seen = Set<String>()
        func claim(_ id: String, _ at: String) throws {
            try check(id.hasPrefix(profile.api + "."), at, "id '\(id)' must start with '\(profile.api).'")
            try check(seen.insert(id).inserted, at, "id '\(id)' is used twice")
        }
        for (i, input) in profile.inputs.enumerated() {
            for (c, constraint) in input.constraints.enumerated() {
                try claim(constraint.id, "inputs[\(i)].constraints[\(c)].id")
            }
        }
        for (r, response) in profile.responses.enumerated() {
            for (f, field) in response.fields.enumerated() { try claim(field.id, "responses[\(r)].fields[\(f)].id") }
            for (v, invariant) in response.invariants.enumerated() {
                try claim(invariant.id, "responses[\(r)].invariants[\(v)].id")
            }
        }
        for (e, mapping) in profile.errors.enumerated() { try claim(mapping.id, "errors[\(e)].id") }
        for (a, agreement) in (profile.agreements ?? []).enumerated() { try claim(agreement.id, "agreements[\(a)].id") }
        for (a, anomaly) in profile.anomalies.enumerated() { try claim(anomaly.id, "anomalies[\(a)].id") }
        try claim(profile.lifecycle.id, "lifecycle.id")
    }

    private func check(_ condition: Bool, _ field: String, _ reason: String) throws {
        if !condition { try fail(field, reason) }
    }

    private func fail(_ field: String, _ reason: String) throws {
        throw ConfigurationError(file: file, field: field, reason: reason)
    }
}
