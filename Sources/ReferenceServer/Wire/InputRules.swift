import ConformanceModel

/// The server validates inputs with the same profile rules the suite derives its cases from: one source of truth.
/// A defect that reads an input other than its rules say is handed here as a deviation, so a handler asks only
/// "is this value accepted, and as what".
struct InputRules: Sendable {
    let profile: Profile
    let deviations: [InputDeviation]

    init(profile: Profile, deviations: [InputDeviation] = []) {
        self.profile = profile
        self.deviations = deviations
    }

    /// True when `value` satisfies every rule of `input`.
    func admits(_ input: String, _ value: String) -> Bool {
        accepted(input, value) != nil
    }

    /// The value the server looks up for `value` of `input`, nil when it refuses it: the value itself where the rules
    /// admit it, or what a deviation reads it as.
    func accepted(_ input: String, _ value: String) -> String? {
        guard let rules = profile.input(input) else { return nil }
        for case .anyDigits(input, let maxLength) in deviations
        where !value.isEmpty && value.count <= maxLength && value.allSatisfy({ ("0"..."9").contains($0) }) {
            return ownValue(input)
        }
        if rules.admits(value) { return value }
        for deviation in deviations {
            switch deviation {
            case .oneLonger(input):
                let max = rules.constraints.first { $0.kind == .length }?.max
                if let max, value.unicodeScalars.count == max + 1, rules.admits(String(value.dropLast())) {
                    return value
                }
            case .trailingNewline(let inputs) where inputs.contains(input):
                if value.hasSuffix("\n"), rules.admits(String(value.dropLast())) { return value }
            case .pattern(let inputs, let pattern) where inputs.contains(input):
                let others = rules.constraints.filter { $0.kind != .pattern }
                if others.allSatisfy({ $0.admits(value, type: rules.type) }), WholeMatch.matches(pattern, value) {
                    return value
                }
            case .unwrapsBraces(input):
                let inner = String(value.dropFirst().dropLast())
                if value.hasPrefix("{"), value.hasSuffix("}"), rules.admits(inner) { return inner }
            case .truncatesDecimal(input):
                if value.contains("."), let number = Double(value),
                    let whole = Int(exactly: number.rounded(.towardZero))
                {
                    return String(whole)
                }
            default: continue
            }
        }
        return nil
    }

    /// What the server reads when `input` is not given: nil (it is refused), or its own value under a deviation.
    func missing(_ input: String) -> String? {
        deviations.contains(.defaultWhenMissing(input)) ? ownValue(input) : nil
    }

    /// Whether `input` written as a JSON string is refused, though its value is an integer.
    func refusesStringWritten(_ input: String) -> Bool { deviations.contains(.refusesStringWritten(input)) }

    /// Whether a format the API does not speak is served anyway (in JSON).
    var servesUnknownFormat: Bool { deviations.contains(.servesUnknownFormat) }

    /// Whether the operation's fixed parameters are checked.
    var checksFixedParameters: Bool { !deviations.contains(.fixedParametersUnchecked) }

    /// The value the server itself holds for `input` (the fixtures' default).
    private func ownValue(_ input: String) -> String? {
        ReferenceFixtures.tables[profile.api]?.defaults[input]
    }
}
