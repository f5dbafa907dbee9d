import ArgumentParser
import ConformanceEngine
import ConformanceModel
import Foundation

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read finished runs: join shards, draw a matrix of targets, write Markdown.",
        discussion: """
            Each RUN is a JUnit report `conformance run` (or `swift test`) wrote — its results file beside it is read — \
            or that results file itself. --merge joins shards into the report one unsharded run writes (JUnit, \
            summary, results and page at -o). --html draws cases × runs, rows where the targets disagree first. \
            --diff BASE NEW says what changed from one run to the other. \
            Exit status: 0 done, 2 a file could not be read or the runs do not fit together.
            """)

    @OptionGroup var profiles: ProfileOptions
    @Argument(help: "Runs: JUnit reports (their results file is read) or results files.")
    var runs: [String]
    @Flag(help: "Join the runs (shards of one run) into one report, written to -o.")
    var merge = false
    @Option(name: .shortAndLong, help: "With --merge: where to write the joined JUnit report.")
    var output: String?
    @Option(help: "Write the matrix of the runs (cases × targets) as an HTML page here.")
    var html: String?
    @Option(help: "Write a Markdown summary of each run (of the joined run with --merge) here.")
    var markdown: String?
    @Flag(
        help:
            "Compare two runs, BASE then NEW: new failures, fixed cases, changed findings, added and removed cases, on the console (and in Markdown with --markdown, the matrix of the two with --html)."
    )
    var diff = false

    func validate() throws {
        if diff {
            if runs.count != 2 { throw ValidationError("--diff compares two runs: BASE NEW") }
            if merge { throw ValidationError("--diff and --merge do not go together") }
            return
        }
        if merge && output == nil { throw ValidationError("--merge needs -o <junit.xml>") }
        if !merge && output != nil { throw ValidationError("-o is only for --merge") }
        if !merge && html == nil && markdown == nil {
            throw ValidationError("say what to write: --merge -o, --html or --markdown")
        }
    }

    func run() async throws {
        let loaded = try await exitOnConfigurationError { try profiles.load() }
        let files = try await exitOnConfigurationError {
            try runs.map { try ResultsFile.read(URL(fileURLWithPath: $0), profiles: loaded) }
        }
        let names = files.map(\.targetName)
        var reports = zip(runs, files).map { path, file in
            // Columns are headed by their target, and by their file as well where two runs share a target name.
            let label =
                names.filter { $0 == file.targetName }.count > 1
                ? "\(file.targetName) (\(stem(path)))" : file.targetName
            return MatrixPage.Column(label: label, report: file.report(profiles: loaded))
        }
        if diff {
            let changes = RunDiff(base: reports[0].report, new: reports[1].report)
            print(changes.text)
            if let markdown { try write(changes.markdown, to: markdown) }
            if let html {
                try write(MatrixPage.html(reports, order: CaseDeriver.derive(loaded)), to: html)
                print("Matrix of the two runs: \(html)")
            }
            return
        }
        if merge, let output {
            let joined = try await exitOnConfigurationError {
                try ShardMerge.merge(files, names: runs, profiles: loaded)
            }
            let target = ReportFiles(junit: URL(fileURLWithPath: output))
            try target.write(joined, environment: [:])
            print(joined.summaryText)
            print("Joined \(runs.count) runs: \(target.junit.path) (JUnit), \(target.html.path) (page)")
            reports = [MatrixPage.Column(label: joined.targetName, report: joined)]
        }
        if let html {
            let page = MatrixPage.html(reports, order: CaseDeriver.derive(loaded))
            try write(page, to: html)
            print("Matrix of \(reports.count) runs: \(html)")
        }
        if let markdown {
            try write(reports.map { MarkdownSummary.text($0.report) }.joined(separator: "\n"), to: markdown)
        }
    }

    /// A run's file name without the extension (`junit-moto`).
    private func stem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try ReportFiles.save(Data(text.utf8), to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(
                Data("conformance: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}
