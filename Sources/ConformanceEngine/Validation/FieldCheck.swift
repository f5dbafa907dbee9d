import ConformanceModel
import Foundation

/// The checks one response field's rule makes on every value found for it.
enum FieldCheck {
    static func failures(_ field: ResponseField, in document: AnswerDocument, profile: Profile) -> [Finding] {
        func fail(_ fact: Fact, _ expected: String, _ actual: String) -> Finding {
            Finding(
                rule: field.id, kind: .field, expected: "\(field.path) \(expected)", actual: actual,
                source: field.ground(of: fact)?.citation, level: field.level(of: fact))
        }
        /// A value in the shape the documents' own example shows is only a warning, citing the anomaly.
        func failOrTolerate(_ fact: Fact, _ expected: String, _ actual: String, lexical: String?) -> Finding {
            var failure = fail(fact, expected, actual)
            if let form = field.exampleForm, let lexical, WholeMatch.matches(form.pattern, lexical) {
                failure.level = .recommended
                failure.actual += " — the form the documents' own example shows (\(form.anomaly))"
                failure.source = profile.anomaly(form.anomaly)?.source.citation ?? failure.source
            }
            return failure
        }
        let found: [AnswerDocument.Found]
        do {
            // A JSON null is an absent member to every client (botocore skips it).
            found = try document.values(field.path).filter { $0.json != .null }
        } catch {
            return [fail(.type, "to be readable", "\(error)")]
        }
        if found.isEmpty {
            return field.required ? [fail(.presence, "to be present (required)", "absent")] : []
        }
        let isXML = found.first?.json == nil
        if isXML, !field.manyValued, found.count > 1, Set(found.map(\.lexical)).count > 1 {
            // Which of several differing values counts is each reader's guess, and readers guess differently.
            return [
                Finding(
                    rule: field.id, kind: .field, expected: "\(field.path) to be given once",
                    actual: "\(found.count) different values, "
                        + found.map { quote($0.lexical ?? "") }.joined(separator: " and ")
                        + " (readers disagree on which one counts)",
                    source: field.ground(of: .type)?.citation)
            ]
        }
        var failures: [Finding] = []
        for value in found {
            // XML's typed values collapse white space (xs:int, xs:boolean, xs:dateTime): ' 7' is 7.
            let lexical =
                isXML && field.type != .string ? value.lexical.map(AnswerDocument.collapsingSpace) : value.lexical
            if let problem = typeProblem(field, value, lexical: lexical) {
                failures.append(failOrTolerate(.type, "to be \(describe(field))", problem, lexical: lexical))
                continue
            }
            guard let text = lexical else { continue }
            if let allowed = field.enumeration, !allowed.contains(text) {
                failures.append(fail(.enumeration, "to be one of \(allowed.joined(separator: " | "))", quote(text)))
            }
            if let pattern = field.pattern, !WholeMatch.matches(pattern, text) {
                failures.append(failOrTolerate(.pattern, "to match \(pattern)", quote(text), lexical: text))
            }
            // Counted and read as a number only for a rule that needs it: most fields have none.
            if field.minLength != nil || field.maxLength != nil {
                let count = text.unicodeScalars.count
                if let low = field.minLength, count < low {
                    failures.append(fail(.length, "to have at least \(low) characters", "\(count): \(quote(text))"))
                }
                if let high = field.maxLength, count > high {
                    failures.append(fail(.length, "to have at most \(high) characters", "\(count) characters"))
                }
            }
            if field.minimum != nil || field.maximum != nil, let number = Double(text) {
                if let low = field.minimum, number < low {
                    failures.append(fail(.range, "to be ≥ \(Numbers.text(low))", text))
                }
                if let high = field.maximum, number > high {
                    failures.append(fail(.range, "to be ≤ \(Numbers.text(high))", text))
                }
            }
        }
        return failures
    }

    /// Nil when the value has the field's type; otherwise what it was instead.
    private static func typeProblem(_ field: ResponseField, _ value: AnswerDocument.Found, lexical: String?)
        -> String?
    {
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
        let text = lexical ?? ""
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
