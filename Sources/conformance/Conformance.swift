import ArgumentParser
import Foundation

@main
struct Conformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Conformance suite for five asynchronous-request status APIs.",
        subcommands: [Run.self, Init.self, Report.self, Rejudge.self, List.self, Profiles.self, Serve.self],
        defaultSubcommand: Run.self
    )

    /// Usage errors exit 2, like configuration errors, so a CI gate can tell "the target failed" (1) from "the
    /// suite was called wrongly" (2); ArgumentParser's default for them is 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
