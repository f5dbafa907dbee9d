import ConformanceModel
import Foundation

extension CaseRunner {
    /// Asks about the agreement's fixture in each of its formats and compares the field it names: timestamps as
    /// instants (an ISO date in XML and a .NET date in JSON can name the same one), anything else as text. An answer
    /// that gives no value to compare leaves nothing to judge, and says why.
    func compare(_ item: DerivedCase, agreement id: String) async -> (Verdict, [Exchange], String?, Bool) {
        guard let agreement = profile.agreements?.first(where: { $0.id == id }) else {
            return (.error("the profile has no agreement \(id)"), [], nil, false)
        }
        var exchanges: [Exchange] = []
        var readings: [(format: WireFormat, text: String, instant: Date?)] = []
        var curl: String?
        for (format, path) in agreement.fields.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let asked = item.asked(in: format)
            let request: Preparation
            do { request = try await prepare(asked) } catch { return (error.verdict, exchanges, curl, false) }
            curl = curl ?? request.curl
            let exchange = await sendPolitely(asked, first: request.signed, unsigned: request.unsigned).0
            exchanges.append(exchange)
            guard case .success(let answer) = exchange.outcome else {
                return (.error("no \(format.label) answer: \(exchange.outcome)"), exchanges, curl, false)
            }
            let parsed = ParsedAnswer(answer)
            let model = profile.response(format)
            guard answer.status == 200,
                let document = try? parsed.document(format, namespace: model?.namespace),
                let text = document.first(path)
            else {
                return (
                    .skip("nothing to compare: the \(format.label) answer (HTTP \(answer.status)) gives no \(path)"),
                    exchanges, curl, false
                )
            }
            readings.append(
                (format, text, model.flatMap { InvariantCheck.instant(path, text, model: $0, document: document) }))
        }
        guard let first = readings.first else { return (.pass, exchanges, curl, true) }
        let agree = readings.allSatisfy { reading in
            if let left = first.instant, let right = reading.instant {
                return abs(left.timeIntervalSince(right)) < 0.001
            }
            return reading.text == first.text
        }
        if agree { return (.pass, exchanges, curl, true) }
        let shown = readings.map { reading in
            "\(reading.format.label) '\(reading.text)'" + (reading.instant.map { " is \(Self.utc($0))" } ?? "")
        }
        let apart = zip(readings, readings.dropFirst()).compactMap { pair -> String? in
            guard let left = pair.0.instant, let right = pair.1.instant else { return nil }
            return "\(Numbers.text(abs(left.timeIntervalSince(right)) / 3600)) h apart"
        }
        let finding = Finding(
            rule: agreement.id, kind: .invariant,
            expected: "the same value in " + readings.map(\.format.label).joined(separator: " and "),
            actual: shown.joined(separator: ", ") + (apart.isEmpty ? "" : ": " + apart.joined(separator: ", ")),
            source: agreement.source.citation, level: agreement.level(of: .rule))
        return (.judged([finding]), exchanges, curl, true)
    }

    private static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
