import ConformanceModel

/// Checks an answer against one documented error mapping: status, code (wherever the format keeps it, in any spelling
/// the protocol uses), required body fields and headers, fixed values. Each finding carries the level of the rule it
/// rests on: the mapping's for status, code and headers, the error form's for the body.
/// A class, made once per API and format: every case judged shares it instead of copying the profile.
final class ErrorValidator: Sendable {
    let profile: Profile
    let format: WireFormat
    private let form: ErrorForm?
    /// Each required body field with its alternatives (`message|Message`), split once.
    private let requiredFields: [(field: String, alternatives: [String])]
    /// Where the form keeps the error code (`header:`, `json:` or `xpath:` and a name or path), read once.
    private let codePlaces: [CodePlace]

    private enum CodePlace {
        case header(String)
        case document(String)
    }

    init(profile: Profile, format: WireFormat) {
        self.profile = profile
        self.format = format
        form = profile.errorForm(format)
        requiredFields = (form?.requiredFields ?? []).map { ($0, $0.split(separator: "|").map(String.init)) }
        codePlaces = (form?.codeAt ?? []).compactMap { place in
            if place.hasPrefix("header:") { return .header(String(place.dropFirst("header:".count))) }
            if place.hasPrefix("json:") { return .document(String(place.dropFirst("json:".count))) }
            if place.hasPrefix("xpath:") { return .document(String(place.dropFirst("xpath:".count))) }
            return nil
        }
    }

    func failures(_ parsed: ParsedAnswer, mapping: ErrorMapping) -> [Finding] {
        guard let form else { return [] }
        let answer = parsed.answer
        // Worked out only for a finding: most answers meet their mapping, and these cost more than the checks.
        var wire: String { "\(profile.api).\(format)" }
        func cite(_ fact: Fact) -> String? { mapping.ground(of: fact)?.citation }
        var failures: [Finding] = []
        if let status = mapping.status, answer.status != status {
            failures.append(
                Finding(
                    rule: mapping.id, kind: .status, expected: "HTTP \(status)", actual: "HTTP \(answer.status)",
                    source: cite(.status), level: mapping.level(of: .status)))
        }
        for header in mapping.requiredHeaders where answer.header(header) == nil {
            failures.append(
                Finding(
                    rule: mapping.id, kind: .header, expected: "header \(header)", actual: "absent",
                    source: cite(.headers), level: mapping.level(of: .headers)))
        }
        // A mapping that names no code says only that the request is refused: no document gives that answer a form.
        guard let expectedCode = mapping.code else { return failures }
        // The error form binds an answer only as firmly as the documents say this answer is one of their errors.
        let ceiling = mapping.resolvedLevel
        func formLevel(_ fact: Fact) -> Level { form.level(of: fact).capped(at: ceiling) }
        func formSource(_ fact: Fact) -> String? { form.ground(of: fact)?.citation }
        guard let found = code(of: parsed) else {
            // Not an error of the protocol at all (an HTML page, an empty or unreadable body): one finding says so,
            // with the media type it came as; its form's media type and members would only restate it.
            let unreadable = form.reader == nil ? document(parsed) == nil : reading(parsed)?.unreadable == true
            let media = parsed.mediaType.map { " (\($0))" } ?? ""
            return failures + [
                Finding(
                    rule: mapping.id, kind: .errorCode,
                    expected: "an error code\(mapping.codeText.isEmpty ? "" : " \(mapping.codeText)") "
                        + (form.reader.map { "as \($0.rawValue) clients read it" }
                            ?? "at \(form.codeAt.joined(separator: " or "))"),
                    actual: (unreadable || answer.body.isEmpty ? "an unreadable body" : "no code") + media,
                    source: cite(.code), level: mapping.level(of: .code).capped(at: form.level(of: .code)))
            ]
        }
        if !ErrorCode.matches(expectedCode, found) {
            failures.append(
                Finding(
                    rule: mapping.id, kind: .errorCode, expected: "error code \(mapping.codeText)",
                    actual: "'\(found)'", source: cite(.code), level: mapping.level(of: .code)))
        }
        if let problem = MediaType.mismatch(parsed.mediaType, allowed: form.contentType) {
            failures.append(
                Finding(
                    rule: "\(wire).content-type", kind: .contentType, expected: form.contentType, actual: problem,
                    source: formSource(.mediaType), level: formLevel(.mediaType)))
        }
        let document = self.document(parsed)
        if let reading = form.reader == nil ? nil : reading(parsed) {
            for (field, _) in requiredFields where (field == "RequestId" ? reading.requestId : reading.message) == nil {
                failures.append(
                    Finding(
                        rule: "\(wire).error-body", kind: .errorBody, expected: "error \(field)", actual: "absent",
                        source: formSource(.members), level: formLevel(.members)))
            }
        } else if let document {
            for (field, alternatives) in requiredFields {
                let present = alternatives.contains { !(document.first($0) ?? "").isEmpty }
                if !present {
                    failures.append(
                        Finding(
                            rule: "\(wire).error-body", kind: .errorBody, expected: "error body field \(field)",
                            actual: "absent", source: formSource(.members), level: formLevel(.members)))
                }
            }
            for (field, value) in (form.fixedValues ?? [:]).sorted(by: { $0.key < $1.key })
            where document.first(field) != value {
                failures.append(
                    Finding(
                        rule: "\(wire).error-body", kind: .errorBody, expected: "\(field) = \(value)",
                        actual: document.first(field).map { "'\($0)'" } ?? "absent", source: formSource(.members),
                        level: formLevel(.members)))
            }
        } else if !form.requiredFields.isEmpty {
            failures.append(
                Finding(
                    rule: "\(wire).error-body", kind: .parse, expected: "a \(form.format.label) error body",
                    actual: answer.body.isEmpty ? "an empty body" : "an unparsable body", source: formSource(.members),
                    level: formLevel(.members)))
        }
        return failures
    }

    /// Whether the answer is this mapping's status and code (used to recognise accepted outcomes and rejections).
    func matches(_ parsed: ParsedAnswer, mapping: ErrorMapping) -> Bool {
        if let status = mapping.status, status != parsed.status { return false }
        guard let expected = mapping.code else { return isRefusal(parsed) }
        return code(of: parsed).map { ErrorCode.matches(expected, $0) } ?? false
    }

    /// Whether the answer refuses the request at all: an HTTP error, or, where the API keeps every outcome inside a
    /// 200 (CenturyLink), a body showing an error form's fixed values, in any of the API's formats.
    func isRefusal(_ parsed: ParsedAnswer) -> Bool {
        if parsed.status >= 400 { return true }
        return profile.errorForms.contains { form in
            guard let fixed = form.fixedValues, !fixed.isEmpty,
                let document = try? parsed.document(form.format, namespace: form.namespace)
            else { return false }
            return fixed.allSatisfy { document.first($0.key) == $0.value }
        }
    }

    /// The answer's error code in the protocol's own shape, or nil when it carries none: what tells a protocol error
    /// (a router's 404 included) from an HTML page or an empty body.
    func code(of parsed: ParsedAnswer) -> String? {
        guard let form else { return nil }
        if let known = parsed.errorCodes[form.format] { return known }
        let found = form.reader == nil ? code(in: parsed.answer, document: document(parsed)) : reading(parsed)?.code
        parsed.errorCodes[form.format] = .some(found)
        return found
    }

    /// The answer as the AWS protocol's client reads it, once per answer.
    private func reading(_ parsed: ParsedAnswer) -> AWSErrorReading? {
        guard let reader = form?.reader else { return nil }
        if let known = parsed.awsReading { return known }
        let reading = AWSErrorReading(parsed, as: reader)
        parsed.awsReading = reading
        return reading
    }

    private func document(_ parsed: ParsedAnswer) -> AnswerDocument? {
        guard let form else { return nil }
        return try? parsed.document(form.format, namespace: form.namespace)
    }

    /// The error code, with any `namespace#` prefix and `:detail` suffix removed.
    private func code(in answer: Answer, document: AnswerDocument?) -> String? {
        for place in codePlaces {
            let found: String?
            switch place {
            case .header(let name): found = answer.header(name)
            case .document(let path): found = document?.first(path)
            }
            if let code = found, !code.isEmpty {
                // In UTF-8: `#` and `:` are ASCII, and most codes have neither.
                var text = Substring(code)
                if let hash = text.utf8.lastIndex(of: UInt8(ascii: "#")) {
                    text = text[text.utf8.index(after: hash)...]
                }
                if let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) { text = text[..<colon] }
                return text.utf8.count == code.utf8.count ? code : String(text)
            }
        }
        return nil
    }
}

/// Error names as the AWS protocols spell them: awsJson and rest-json add `Exception` where the query protocol and
/// the common-errors page do not (`MissingAuthenticationToken` / `MissingAuthenticationTokenException`).
enum ErrorCode {
    static func matches(_ pattern: String, _ found: String) -> Bool {
        if WholeMatch.matches(pattern, found) { return true }
        let suffix = "Exception"
        // In UTF-8: the suffix is ASCII, and a Character-wise comparison cost more than the match.
        if found.utf8.count > suffix.utf8.count, found.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            return WholeMatch.matches(pattern, String(Substring(found.utf8.dropLast(suffix.utf8.count))))
        }
        return WholeMatch.matches(pattern, found + suffix)
    }
}
