import ConformanceModel

/// Checks a success answer against the format's response model: status, media type, well-formedness, root and
/// namespace, schema, every field rule and every invariant.
struct ResponseValidator {
    let profile: Profile
    let format: String
    let schemas: SchemaStore

    func failures(_ answer: Answer, sent: [String: String]) -> [CheckFailure] {
        guard let binding = profile.format(format), let model = profile.response(format) else { return [] }
        let wire = "\(profile.api).\(format)"
        var failures: [CheckFailure] = []
        if answer.status != 200 {
            failures.append(CheckFailure(check: "\(wire).status", kind: .status, expected: "HTTP 200", actual: "HTTP \(answer.status)"))
        }
        if let problem = MediaType.mismatch(answer.mediaType, allowed: binding.responseContentType) {
            failures.append(CheckFailure(check: "\(wire).content-type", kind: .contentType, expected: binding.responseContentType,
                                         actual: problem, source: binding.source.citation))
        }
        if answer.status != 200 { return failures }
        let document: AnswerDocument
        do {
            document = try AnswerDocument.parse(answer.body, format: format, namespace: model.namespace)
        } catch {
            return failures + [CheckFailure(check: "\(wire).parse", kind: .parse, expected: "a well-formed \(format.uppercased()) body", actual: "\(error)")]
        }
        if case .xml(let xml, _) = document {
            let root = xml.root
            if let name = model.root, root.name != name || root.namespace != (model.namespace ?? "") {
                failures.append(CheckFailure(check: "\(wire).root", kind: .root,
                                             expected: "root <\(name)> in namespace '\(model.namespace ?? "")'",
                                             actual: "<\(root.name)> in namespace '\(root.namespace)'"))
            }
            if let schemaName = model.schema {
                switch schemas.schema(named: schemaName) {
                case .success(let schema):
                    let violations = xml.violations(of: schema)
                    if !violations.isEmpty {
                        failures.append(CheckFailure(check: "\(wire).schema", kind: .schema, expected: "valid against Conformance/xsd/\(schemaName)",
                                                     actual: violations.prefix(5).joined(separator: "; ")))
                    }
                case .failure(let error):
                    failures.append(CheckFailure(check: "\(wire).schema", kind: .schema, expected: "a usable schema \(schemaName)", actual: "\(error)"))
                }
            }
        }
        for field in model.fields { failures += FieldCheck.failures(field, in: document) }
        for invariant in model.invariants {
            failures += InvariantCheck.failures(invariant, model: model, in: document, sent: sent)
        }
        return failures
    }
}
