import ArgumentParser

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the cases against a target and write a JUnit report.")
    func run() async throws {
        print("conformance run: not yet available (issue 5)")
    }
}
