import ArgumentParser
import ConformanceEngine
import ConformanceModel
import EmbeddedTarget
import Foundation
import Synchronization

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the cases against a target and write the reports: JUnit, an HTML page, a results file.",
        discussion:
            "Without --config the embedded reference server is started on an ephemeral 127.0.0.1 port. A broken required rule fails its case; a broken recommended rule (a convention, the profile's own decision) only warns, unless --strict. Exit status: 0 no failure (warnings allowed; with --baseline, no failure the baseline did not have), 1 a case failed or errored, 2 usage or configuration error."
    )

    @OptionGroup var profiles: ProfileOptions
    @Option(help: "Target config (JSON); default: the embedded reference server. Also read from CONFORMANCE_CONFIG.")
    var config: String?
    @Option(name: .customLong("case"), help: "Only cases whose id matches this glob (repeatable).")
    var globs: [String] = []
    @Option(help: "Where to write the JUnit report; the summary, results file and page go beside it.")
    var junit = "reports/junit.xml"
    @Option(help: "Where to write the HTML page (default: conformance.html beside the JUnit report).")
    var html: String?
    @Option(help: "Also write a Markdown summary here (it is appended to $GITHUB_STEP_SUMMARY whenever that is set).")
    var markdown: String?
    @Option(help: "Run only shard i of n (e.g. 2/3): cases split by id; `conformance report --merge` joins the shards.")
    var shard: String?
    @Option(help: "Cases in flight at once.")
    var concurrency = 4
    @Flag(help: "Add file/line attributes for GitHub annotations (outside the Jenkins junit-10 schema).")
    var annotations = false
    @Flag(help: "Print only the summary, not a line per case.")
    var quiet = false
    @Flag(help: "Fail cases that only break recommended rules (warnings), as a failure of a required rule does.")
    var strict = false
    @Flag(
        help:
            "Check before spending: print per API the cases that would run, those left out and why, and the requests; then probe each target once (does it answer, take the credentials, keep a clock close enough for SigV4; does the CenturyLink log-on work). Exit 0 when all is ready, 1 naming each problem."
    )
    var dryRun = false
    @Option(help: "Requests per second sent to each API at most (overrides each API's rateLimit).")
    var rate: Double?
    @Option(
        help:
            "Send at most this many requests, log-ons included: a case not started, or whose request was not sent, is reported as not run, saying why."
    )
    var maxRequests: Int?
    @Option(help: "Stop once this many cases failed: cases not started are reported as not run, saying why.")
    var maxFailures: Int?
    @Option(
        help:
            "Run a failing case again up to this many times, after a pause; one that then passes is reported flaky (a passing testcase with a flakyFailure per failed attempt), or failed under --strict."
    )
    var retryFailed = 0
    @Option(
        help:
            "A finished run (its JUnit report or results file) whose failures are known: exit 1 only for a failure it did not have. The way to gate on a target that is not yet fully conformant."
    )
    var baseline: String?
    @Option(
        help:
            "Also write every exchange of the run here as HAR 1.2 (browsers' developer tools open it), credentials masked as in the reports, each entry naming its case (_caseId): what `conformance rejudge` judges again."
    )
    var record: String?

    func run() async throws {
        let (loaded, targetConfig, file) = try await exitOnConfigurationError {
            () -> ([Profile], TargetConfig?, String) in
            let (all, loaded) = try profiles.loadAll()
            let path = config ?? ProcessInfo.processInfo.environment["CONFORMANCE_CONFIG"]
            guard let path, !path.isEmpty else { return (loaded, nil, "") }
            let target = try TargetConfigLoader.load(URL(fileURLWithPath: path), profiles: all, selecting: loaded)
            return (loaded, target, path)
        }
        let part = try await exitOnConfigurationError { try shard.map { try Shard(parsing: $0, field: "--shard") } }
        let selection = CaseSelection(globs)
        let cases = CaseDeriver.derive(loaded).filter { selection.admits($0.id) && part?.contains($0.id) ?? true }
        if cases.isEmpty {
            FileHandle.standardError.write(Data("conformance: no case matches \(globs.joined(separator: ", "))\n".utf8))
            throw ExitCode(2)
        }
        if dryRun {
            let ready = try await DryRun(profiles: loaded, config: targetConfig, file: file, cases: cases).run()
            if !ready { throw ExitCode(1) }
            return
        }
        let run = try await exitOnConfigurationError {
            try await ConformanceRun.start(
                config: targetConfig, file: file, profiles: loaded, embedded: ReferenceServerLauncher(),
                settings: RunSettings(
                    config: targetConfig, concurrency: concurrency, strict: strict, rate: rate,
                    maxRequests: maxRequests, maxFailures: maxFailures, retryFailed: retryFailed),
                recording: record == nil ? nil : Recording())
        }
        let progress = Progress(total: cases.count, quiet: quiet)
        let results = await run.run(cases) { progress.report($0) }
        let report = await run.finish(results, order: cases.map(\.id))
        let files = ReportFiles(
            junit: URL(fileURLWithPath: junit), html: html.map { URL(fileURLWithPath: $0) },
            markdown: markdown.map { URL(fileURLWithPath: $0) })
        do {
            try files.write(report, junitOptions: .init(annotations: annotations), shard: part)
            if let record { try run.har(cases: cases.map(\.id))?.write(to: URL(fileURLWithPath: record)) }
        } catch {
            FileHandle.standardError.write(
                Data("conformance: cannot write the reports: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        print(report.summaryText)
        if let stop = results.lazy.compactMap(\.stoppedEarly).first { print("Stopped early: \(stop)") }
        print("Reports: \(files.junit.path) (JUnit), \(files.html.path) (page), \(files.results.path) (results)")
        if let record { print("Recording: \(record) (HAR; `conformance rejudge \(record)` judges it again)") }
        if let baseline {
            let known = try await exitOnConfigurationError {
                try ResultsFile.read(URL(fileURLWithPath: baseline), profiles: loaded).report(profiles: loaded)
            }
            let changes = RunDiff(base: known, new: report)
            print(
                "Against the baseline \(baseline): \(changes.newFailures.count) new failures"
                    + (changes.newFailures.isEmpty ? "" : ": " + changes.newFailures.joined(separator: ", "))
                    + "; \(changes.fixed.count) fixed.")
            if !changes.newFailures.isEmpty { throw ExitCode(1) }
            return
        }
        if report.failed { throw ExitCode(1) }
    }
}

/// One line per finished case on standard error; failures with their explanation.
final class Progress: Sendable {
    private let total: Int
    private let quiet: Bool
    private let done = Mutex(0)

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
    }

    func report(_ result: CaseResult) {
        // Counted and written under the lock: lines from two workers never interleave.
        done.withLock { done in
            done += 1
            guard !quiet || result.verdict.isFailure else { return }
            let width = String(total).count
            var line =
                "[\(String(repeating: " ", count: width - String(done).count))\(done)/\(total)] \(result.verdict.label.padding(toLength: 5, withPad: " ", startingAt: 0)) \(result.testCase.id)"
            if result.verdict.isFailure || result.verdict.label == "KNOWN" || result.verdict.label == "WARN" {
                line +=
                    "\n"
                    + result.explanation.split(separator: "\n").dropFirst().map { "        \($0)" }.joined(
                        separator: "\n")
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
