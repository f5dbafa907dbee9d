import ConformanceModel

/// The server validates inputs with the same profile rules the suite derives its cases from: one source of truth.
struct InputRules: Sendable {
    let profile: Profile

    /// True when `value` satisfies every rule of `input`.
    func admits(_ input: String, _ value: String) -> Bool {
        profile.input(input)?.admits(value) ?? false
    }
}
