import ConformanceModel
import Foundation

/// The rules that tie an answer's fields to each other or to the request.
enum InvariantCheck {
    static func failures(
        _ invariant: Invariant, model: ResponseModel, in document: AnswerDocument,
        sent: [String: String]
    ) -> [Finding] {
        func fail(_ expected: String, _ actual: String) -> [Finding] {
            [
                Finding(
                    rule: invariant.id, kind: .invariant, expected: expected, actual: actual,
                    source: invariant.source.citation,
                    level: invariant.resolvedLevel)
            ]
        }
        let value = document.first(invariant.field)
        switch invariant.kind {
        case .echoesInput:
            guard let input = invariant.input, var expected = sent[input], let value else { return [] }
            // Compared as the answer's value is read: an XML value with the white space around it collapsed.
            if case .xml = document { expected = AnswerDocument.collapsingSpace(expected) }
            return value == expected
                ? [] : fail("\(invariant.field) to equal the \(input) sent, '\(expected)'", "'\(value)'")
        case .notBefore:
            guard let other = invariant.other, let value, let otherValue = document.first(other),
                let later = instant(invariant.field, value, model: model, document: document),
                let earlier = instant(other, otherValue, model: model, document: document)
            else { return [] }
            return later >= earlier ? [] : fail("\(invariant.field) not earlier than \(other) (\(otherValue))", value)
        case .iff:
            guard let other = invariant.other, let expectedValue = invariant.value,
                let otherExpected = invariant.otherValue,
                let value, let otherValue = document.first(other)
            else { return [] }
            let left = value == expectedValue
            let right = otherValue == otherExpected
            return left == right
                ? []
                : fail(
                    "\(invariant.field) = \(expectedValue) exactly when \(other) = \(otherExpected)",
                    "\(invariant.field) = \(value), \(other) = \(otherValue)")
        case .implies:
            guard let other = invariant.other, let expectedValue = invariant.value,
                let otherExpected = invariant.otherValue,
                value == expectedValue
            else { return [] }
            let otherValue = document.first(other)
            return otherValue.map { Double($0) == Double(otherExpected) || $0 == otherExpected } == true
                ? []
                : fail(
                    "\(other) = \(otherExpected) when \(invariant.field) = \(expectedValue)",
                    otherValue.map { "\(other) = \($0)" } ?? "\(other) absent")
        }
    }

    /// A timestamp field's instant, read with that field's documented format, or in the documents' example form when
    /// the field tolerates one (its ordering still counts).
    static func instant(_ path: String, _ text: String, model: ResponseModel, document: AnswerDocument) -> Date? {
        guard let field = model.fields.first(where: { $0.path == path }), let format = field.timestamp else {
            return nil
        }
        let json = (try? document.values(path))?.first?.json
        if let instant = Timestamps.parse(json, lexical: text, format: format) { return instant }
        guard let form = field.exampleForm, WholeMatch.matches(form.pattern, text) else { return nil }
        return Timestamps.parseBasicOffset(text)
    }
}
