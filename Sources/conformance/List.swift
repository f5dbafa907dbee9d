import ArgumentParser
import ConformanceEngine
import Foundation

struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the derived cases.")

    @OptionGroup var profiles: ProfileOptions
    @Option(name: .customLong("case"), help: "Only cases whose id matches this glob (repeatable).")
    var globs: [String] = []
    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let selection = CaseSelection(globs)
        let cases = try await exitOnConfigurationError { try CaseDeriver.derive(profiles.load()) }.filter {
            selection.admits($0.id)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(cases), as: UTF8.self))
            return
        }
        let width = cases.map(\.id.count).max() ?? 0
        for item in cases {
            print(
                "\(item.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(item.family.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(item.summary)"
            )
        }
        print("\(cases.count) cases")
    }
}
