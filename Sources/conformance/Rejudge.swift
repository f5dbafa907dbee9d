import ArgumentParser
import ConformanceEngine
import ConformanceModel
import Foundation

struct Rejudge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge a recorded run (`conformance run --record`) again with the current profiles, sending nothing.",
        discussion:
            "Each case's request is built again from the targets the recording names and answered from the recording: a profile changed since the run moves the verdicts it changes, and nothing else. A case whose request is now another than the recorded one (a changed input rule, a new case) is reported as skipped, 'needs a live run', not judged. The reports are those of `conformance run`. Exit status: 0 no failure, 1 a case failed or errored, 2 usage error or a file that is not a recording."
    )

    @OptionGroup var profiles: ProfileOptions
    @Argument(
        help: "The recording: a HAR file `conformance run --record` (or `swift test` with CONFORMANCE_RECORD) wrote.")
    var recording: String
    @Option(name: .customLong("case"), help: "Only cases whose id matches this glob (repeatable).")
    var globs: [String] = []
    @Option(help: "Where to write the JUnit report; the summary, results file and page go beside it.")
    var junit = "reports/junit-rejudged.xml"
    @Option(help: "Also write a Markdown summary here.")
    var markdown: String?
    @Flag(help: "Print only the summary, not a line per case.")
    var quiet = false
    @Flag(help: "Fail cases that only break recommended rules, as `run --strict` does (also when the run was strict).")
    var strict = false

    func run() async throws {
        let (har, loaded) = try await exitOnConfigurationError { () -> (HAR, [Profile]) in
            let har = try HAR.read(URL(fileURLWithPath: recording))
            return (har, try profiles.load().filter { har.apis.contains($0.api) })
        }
        let selection = CaseSelection(globs)
        let cases = CaseDeriver.derive(loaded).filter { selection.admits($0.id) }
        if cases.isEmpty {
            FileHandle.standardError.write(
                Data("conformance: no case of the recorded APIs (\(har.apis.joined(separator: ", "))) matches\n".utf8))
            throw ExitCode(2)
        }
        let run = ConformanceRun.rejudging(har, profiles: loaded, strict: strict)
        let progress = Progress(total: cases.count, quiet: quiet)
        let report = await run.finish(await run.run(cases) { progress.report($0) }, order: cases.map(\.id))
        let files = ReportFiles(junit: URL(fileURLWithPath: junit), markdown: markdown.map { URL(fileURLWithPath: $0) })
        do {
            try files.write(report)
        } catch {
            FileHandle.standardError.write(
                Data("conformance: cannot write the reports: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        print(report.summaryText)
        let live = report.results.filter(\.needsLiveRun).count
        if live > 0 { print("\(live) cases need a live run: their requests are not the recorded ones.") }
        let derived = Set(cases.map(\.id))
        let gone = har.log.run.cases.filter { !derived.contains($0) && selection.admits($0) }
        if !gone.isEmpty { print("Recorded but no longer derived: \(gone.joined(separator: ", "))") }
        print("Reports: \(files.junit.path) (JUnit), \(files.html.path) (page), \(files.results.path) (results)")
        if report.failed { throw ExitCode(1) }
    }
}
