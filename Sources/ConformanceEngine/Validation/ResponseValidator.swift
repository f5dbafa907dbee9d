import ConformanceModel

/// Checks a success answer against the format's response model: status, media type, well-formedness, root and
/// namespace, schema, every field rule, every invariant, and that the state fits the fixture's role.
/// A class, made once per API and format: every case judged shares it instead of copying the profile.
package final class ResponseValidator: Sendable {
    let profile: Profile
    let format: WireFormat
    let schemas: SchemaStore

    package init(profile: Profile, format: WireFormat, schemas: SchemaStore) {
        self.profile = profile
        self.format = format
        self.schemas = schemas
    }

    /// `role` is the fixture the request asked about, whose states the answer must show.
    package func failures(_ parsed: ParsedAnswer, sent: [String: String], role: String? = nil) -> [Finding] {
        let answer = parsed.answer
        guard let binding = profile.format(format), let model = profile.response(format) else { return [] }
        let wire = "\(profile.api).\(format)"
        var failures: [Finding] = []
        if answer.status != 200 {
            failures.append(
                Finding(
                    rule: "\(wire).status", kind: .status, expected: "HTTP 200", actual: "HTTP \(answer.status)"))
        }
        if let problem = MediaType.mismatch(parsed.mediaType, allowed: binding.responseContentType) {
            failures.append(
                Finding(
                    rule: "\(wire).content-type", kind: .contentType, expected: binding.responseContentType,
                    actual: problem, source: binding.source.citation, level: binding.level(of: .mediaType)))
        }
        if answer.status != 200 { return failures }
        let document: AnswerDocument
        do {
            document = try parsed.document(format, namespace: model.localNames == true ? nil : model.namespace)
            if case .xml(let xml, _) = document, model.localNames == true { xml.dropNamespaces() }
        } catch {
            return failures + [
                Finding(
                    rule: "\(wire).parse", kind: .parse, expected: "a well-formed, unambiguous \(format.label) body",
                    actual: "\(error)")
            ]
        }
        if case .xml(let xml, _) = document { failures += xmlFailures(xml, model: model, wire: wire) }
        for field in model.fields { failures += FieldCheck.failures(field, in: document, profile: profile) }
        for invariant in model.invariants {
            failures += InvariantCheck.failures(invariant, model: model, in: document, sent: sent)
        }
        if let role { failures += stateFailures(role: role, in: document) }
        return failures
    }

    /// The namespace is what a rest-xml client binds members by, so it is required; the root's name is read by no
    /// SDK, so the profile may grade it lower. The schema is only meaningful for the root it declares.
    private func xmlFailures(_ xml: XMLDocument, model: ResponseModel, wire: String) -> [Finding] {
        var failures: [Finding] = []
        let root = xml.root
        if let expected = model.namespace, model.localNames != true, root.namespace != expected {
            failures.append(
                Finding(
                    rule: "\(wire).root", kind: .root, expected: "root element in namespace '\(expected)'",
                    actual: "namespace '\(root.namespace)'", source: model.ground(of: .namespace)?.citation,
                    level: model.level(of: .namespace)))
        }
        if let name = model.root, root.name != name {
            failures.append(
                Finding(
                    rule: "\(wire).root", kind: .root, expected: "root <\(name)>", actual: "<\(root.name)>",
                    source: model.ground(of: .root)?.citation, level: model.level(of: .root)))
            return failures
        }
        guard let schemaName = model.schema else { return failures }
        let (file, schema) = schemas.schema(schemaName, of: profile)
        switch schema {
        case .success(let schema):
            let violations = xml.violations(of: schema)
            if !violations.isEmpty {
                failures.append(
                    Finding(
                        rule: "\(wire).schema", kind: .schema, expected: "valid against \(DisplayPath.of(file))",
                        actual: violations.prefix(5).joined(separator: "; ")))
            }
        case .failure(let error):
            failures.append(
                Finding(
                    rule: "\(wire).schema", kind: .schema, expected: "a usable schema \(schemaName)",
                    actual: "\(error)"))
        }
        return failures
    }

    /// A fixture's role is the target config's promise (`succeeded`: a run that succeeded). An answer in a state whose
    /// meaning is known — one the documents enumerate, or one the profile gives another role — and that the role rules
    /// out means the server reports the wrong state or the config names the wrong fixture: either way not a pass. A
    /// state no document spells (S3 Control's statuses are a plain string) cannot be judged, so it is not.
    private func stateFailures(role: String, in document: AnswerDocument) -> [Finding] {
        guard let states = profile.fixture(role)?.states, let path = profile.lifecycle.statusField[format] else {
            return []
        }
        guard let state = document.first(path), !states.contains(state) else { return [] }
        let documented = profile.response(format)?.fields.first { $0.path == path }?.enumeration ?? []
        let otherRole = profile.fixtures.first { $0.role != role && ($0.states ?? []).contains(state) }
        guard documented.contains(state) || otherRole != nil else { return [] }
        return [
            Finding(
                rule: "\(profile.api).\(format).state", kind: .state,
                expected: "\(path) of fixture '\(role)' to be \(states.joined(separator: " | "))",
                actual: "'\(state)'" + (otherRole.map { ", the state of a '\($0.role)' fixture" } ?? ""))
        ]
    }
}
