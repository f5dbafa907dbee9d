import ConformanceModel

/// Checks an answer against one documented error mapping: status, code (wherever the format keeps it), required
/// body fields and headers, fixed values.
struct ErrorValidator {
    let profile: Profile
    let format: String

    func failures(_ answer: Answer, mapping: ErrorMapping) -> [CheckFailure] {
        guard let form = profile.errorForm(format) else { return [] }
        let wire = "\(profile.api).\(format)"
        let source = mapping.source.citation
        var failures: [CheckFailure] = []
        if let status = mapping.status, answer.status != status {
            failures.append(CheckFailure(check: mapping.id, kind: .status, expected: "HTTP \(status)", actual: "HTTP \(answer.status)", source: source))
        }
        if let problem = MediaType.mismatch(answer.mediaType, allowed: form.contentType) {
            failures.append(CheckFailure(check: "\(wire).content-type", kind: .contentType, expected: form.contentType, actual: problem, source: form.source.citation))
        }
        let document = try? AnswerDocument.parse(answer.body, format: form.format, namespace: form.namespace)
        switch code(in: answer, document: document, form: form) {
        case nil:
            failures.append(CheckFailure(check: mapping.id, kind: .errorCode, expected: "error code \(mapping.code) at \(form.codeAt.joined(separator: " or "))",
                                         actual: document == nil ? "an unparsable body" : "no code", source: source))
        case let found? where !WholeMatch.matches(mapping.code, found):
            failures.append(CheckFailure(check: mapping.id, kind: .errorCode, expected: "error code \(mapping.code)", actual: "'\(found)'", source: source))
        default:
            break
        }
        if let document {
            for field in form.requiredFields {
                let present = field.split(separator: "|").contains { !(document.first(String($0)) ?? "").isEmpty }
                if !present {
                    failures.append(CheckFailure(check: "\(wire).error-body", kind: .errorBody, expected: "error body field \(field)", actual: "absent", source: form.source.citation))
                }
            }
            for (field, value) in (form.fixedValues ?? [:]).sorted(by: { $0.key < $1.key }) where document.first(field) != value {
                failures.append(CheckFailure(check: "\(wire).error-body", kind: .errorBody, expected: "\(field) = \(value)",
                                             actual: document.first(field).map { "'\($0)'" } ?? "absent", source: form.source.citation))
            }
        } else if !form.requiredFields.isEmpty {
            failures.append(CheckFailure(check: "\(wire).error-body", kind: .parse, expected: "a \(form.format.uppercased()) error body",
                                         actual: answer.body.isEmpty ? "an empty body" : "an unparsable body", source: form.source.citation))
        }
        for header in mapping.requiredHeaders where answer.header(header) == nil {
            failures.append(CheckFailure(check: mapping.id, kind: .header, expected: "header \(header)", actual: "absent", source: source))
        }
        return failures
    }

    /// Whether the answer is this mapping's status and code (used to recognise accepted outcomes).
    func matches(_ answer: Answer, mapping: ErrorMapping) -> Bool {
        guard let form = profile.errorForm(format) else { return false }
        if let status = mapping.status, status != answer.status { return false }
        let document = try? AnswerDocument.parse(answer.body, format: form.format, namespace: form.namespace)
        return code(in: answer, document: document, form: form).map { WholeMatch.matches(mapping.code, $0) } ?? false
    }

    /// The error code, with any `namespace#` prefix and `:detail` suffix removed.
    private func code(in answer: Answer, document: AnswerDocument?, form: ErrorForm) -> String? {
        for place in form.codeAt {
            let found: String?
            if place.hasPrefix("header:") {
                found = answer.header(String(place.dropFirst("header:".count)))
            } else if place.hasPrefix("json:") {
                found = document?.first(String(place.dropFirst("json:".count)))
            } else if place.hasPrefix("xpath:") {
                found = document?.first(String(place.dropFirst("xpath:".count)))
            } else {
                found = nil
            }
            if var code = found, !code.isEmpty {
                if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
                if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
                return code
            }
        }
        return nil
    }
}
