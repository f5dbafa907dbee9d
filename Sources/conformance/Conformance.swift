import ArgumentParser

@main
struct Conformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Conformance suite for five asynchronous-request status APIs.",
        subcommands: [Run.self, List.self, Profiles.self, Serve.self],
        defaultSubcommand: Run.self
    )
}
