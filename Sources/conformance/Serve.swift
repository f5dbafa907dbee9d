import ArgumentParser

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the embedded reference server.")
    func run() async throws {
        print("conformance serve: not yet available (issue 4)")
    }
}
