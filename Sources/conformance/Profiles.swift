import ArgumentParser
import ConformanceEngine
import ConformanceModel
import Foundation

struct Profiles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each API's rules and how many cases cover each; exits 1 if a rule has no case.")

    @OptionGroup var profiles: ProfileOptions
    @Flag(help: "Also print each rule's source, and each fact it asserts with its level and the ground of that level.")
    var sources = false

    func run() async throws {
        let loaded = try await exitOnConfigurationError { try profiles.load() }
        let cases = CaseDeriver.derive(loaded)
        var gaps: [String] = []
        for profile in loaded {
            let coverage = Coverage(profile: profile, cases: cases)
            let count = cases.filter { $0.api == profile.api }.count
            print(
                "\(profile.api) — \(profile.title) (profile \(profile.profileVersion)): \(coverage.rows.count) rules, \(count) cases, \(coverage.anomalies) anomalies recorded"
            )
            let width = coverage.rows.map(\.id.count).max() ?? 0
            for row in coverage.rows {
                let mark = row.cases == 0 ? "  NO CASE" : ""
                print(
                    "  \(row.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(row.level.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))\(row.kind.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%4d", row.cases))\(mark)"
                )
                guard sources else { continue }
                print("      \(row.source)")
                for assertion in row.assertions {
                    print("      \(assertion.fact.rawValue): \(assertion.level.rawValue) — \(assertion.ground)")
                    if let cited = assertion.source, cited != row.source { print("        \(cited)") }
                }
            }
            if sources {
                print("  answer forms")
                for (name, assertions) in coverage.answerForms {
                    for assertion in assertions {
                        print(
                            "    \(name) \(assertion.fact.rawValue): \(assertion.level.rawValue) — \(assertion.ground)")
                        if let cited = assertion.source { print("      \(cited)") }
                    }
                }
            }
            gaps += coverage.uncovered.map(\.id)
        }
        if !gaps.isEmpty {
            FileHandle.standardError.write(
                Data("conformance: rules with no case: \(gaps.joined(separator: ", "))\n".utf8))
            throw ExitCode(1)
        }
    }
}
