import ConformanceModel
import Foundation

/// The checks one response field's rule makes on every value found for it.
enum FieldCheck {
    static func failures(_ field: ResponseField, in document: AnswerDocument, profile: Profile) -> [CheckFailure] {
        func fail(_ expected: String, _ actual: String) -> CheckFailure {
            CheckFailure(
                check: field.id, kind: .field, expected: "\(field.path) \(expected)", actual: actual,
                source: source(of: field, for: expected), level: field.resolvedLevel)
        }
        /// A value in the shape the documents' own example shows is only a warning, citing the anomaly.
        func failOrTolerate(_ expected: String, _ actual: String, lexical: String?) -> CheckFailure {
            var failure = fail(expected, actual)
            if let form = field.exampleForm, let lexical, WholeMatch.matches(form.pattern, lexical) {
                failure.level = .recommended
                failure.actual += " — the form the documents' own example shows (\(form.anomaly))"
                failure.source = profile.anomaly(form.anomaly)?.source.citation ?? failure.source
            }
            return failure
        }
        let found: [AnswerDocument.Found]
        do {
            found = try document.values(field.path)
        } catch {
            return [fail("to be readable", "\(error)")]
        }
        if found.isEmpty {
            return field.required ? [fail("to be present (required)", "absent")] : []
        }
        var failures: [CheckFailure] = []
        for value in found {
            if let problem = typeProblem(field, value) {
                failures.append(failOrTolerate("to be \(describe(field))", problem, lexical: value.lexical))
                continue
            }
            guard let text = value.lexical else { continue }
            if let allowed = field.enumeration, !allowed.contains(text) {
                failures.append(fail("to be one of \(allowed.joined(separator: " | "))", quote(text)))
            }
            if let pattern = field.pattern, !WholeMatch.matches(pattern, text) {
                failures.append(failOrTolerate("to match \(pattern)", quote(text), lexical: text))
            }
            // Counted and read as a number only for a rule that needs it: most fields have none.
            if field.minLength != nil || field.maxLength != nil {
                let count = text.unicodeScalars.count
                if let low = field.minLength, count < low {
                    failures.append(fail("to have at least \(low) characters", "\(count): \(quote(text))"))
                }
                if let high = field.maxLength, count > high {
                    failures.append(fail("to have at most \(high) characters", "\(count) characters"))
                }
            }
            if field.minimum != nil || field.maximum != nil, let number = Double(text) {
                if let low = field.minimum, number < low { failures.append(fail("to be ≥ \(Numbers.text(low))", text)) }
                if let high = field.maximum, number > high {
                    failures.append(fail("to be ≤ \(Numbers.text(high))", text))
                }
            }
        }
        return failures
    }

    /// The source that states the broken rule: a field's rules can come from different documents.
    private static func source(of field: ResponseField, for expected: String) -> String? {
        let keywords: [String]
        if expected.contains("present") {
            keywords = ["required"]
        } else if expected.contains("one of") {
            keywords = ["valid values", "enum", "values"]
        } else if expected.contains("match") {
            keywords = ["pattern"]
        } else if expected.contains("characters") {
            keywords = ["length", "min", "max"]
        } else if expected.contains("timestamp") {
            keywords = ["timestamp", "time", "rfc 3339", "number"]
        } else {
            keywords = []
        }
        let chosen = field.sources.first { source in keywords.contains { source.quote.lowercased().contains($0) } }
        return (chosen ?? field.sources.first)?.citation
    }

    /// Nil when the value has the field's type; otherwise what it was instead.
    private static func typeProblem(_ field: ResponseField, _ value: AnswerDocument.Found) -> String? {
        if let json = value.json {
            switch (field.type, json) {
            case (.string, .string), (.boolean, .bool), (.integer, .integer), (.number, .integer), (.number, .number),
                (.array, .array), (.object, .object):
                return nil
            case (.timestamp, _):
                guard let format = field.timestamp else { return nil }
                if format == .epochSeconds, case .string(let text) = json { return "the string \(quote(text))" }
                return Timestamps.parse(json, lexical: json.lexical ?? "", format: format) == nil ? describe(json) : nil
            case (.integer, .number(let number)):
                return "the non-integer \(Numbers.text(number))"
            default:
                return describe(json)
            }
        }
        let text = value.lexical ?? ""
        switch field.type {
        case .string, .object, .array: return nil
        case .integer: return WholeMatch.matches(WholeMatch.integer, text) ? nil : quote(text)
        case .number: return Double(text) == nil ? quote(text) : nil
        case .boolean: return text == "true" || text == "false" ? nil : quote(text)
        case .timestamp:
            guard let format = field.timestamp else { return nil }
            return Timestamps.parse(nil, lexical: text, format: format) == nil ? quote(text) : nil
        }
    }

    static func describe(_ field: ResponseField) -> String {
        switch field.type {
        case .timestamp: return "a \(field.timestamp?.rawValue ?? "") timestamp"
        case .integer: return "an integer"
        case .array: return "an array"
        case .object: return "an object"
        default: return "a \(field.type.rawValue)"
        }
    }

    private static func describe(_ json: JSONValue) -> String {
        json.lexical.map { "the \(json.kind) \(json.kind == "string" ? quote($0) : $0)" } ?? "a JSON \(json.kind)"
    }

    static func quote(_ text: String) -> String {
        let cut = text.count > 120 ? String(text.prefix(120)) + "…" : text
        return "'\(cut)'"
    }

}
