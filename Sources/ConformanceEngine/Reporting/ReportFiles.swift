import Foundation

/// Where a run's reports go, named from its JUnit report so that runs written side by side do not overwrite each
/// other: `junit.xml` gets `summary.txt`, `results.json` and `conformance.html`; `junit-moto.xml` gets
/// `summary-moto.txt`, `results-moto.json`, `conformance-moto.html`; any other name `<name>-summary.txt` and so on.
package struct ReportFiles: Sendable {
    package let junit: URL
    /// The page a person reads (`--html PATH` moves it).
    package let html: URL
    /// The Markdown summary, when asked for (`--markdown PATH`).
    package let markdown: URL?

    package init(junit: URL, html: URL? = nil, markdown: URL? = nil) {
        self.junit = junit
        self.html = html ?? Self.sibling(of: junit, "conformance", extension: "html")
        self.markdown = markdown
    }

    package var summary: URL { Self.sibling(of: junit, "summary", extension: "txt") }
    /// Everything the run found (`ResultsFile`): what `conformance report` reads to merge shards or draw the matrix.
    package var results: URL { Self.sibling(of: junit, "results", extension: "json") }

    /// Writes every report of `report`: JUnit, summary, results, the HTML page, the Markdown summary when asked
    /// for, and the Markdown appended to `$GITHUB_STEP_SUMMARY` when that is set.
    package func write(
        _ report: RunReport, junitOptions: JUnitWriter.Options = .init(), shard: Shard? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try Self.save(Data(JUnitWriter.xml(report, options: junitOptions).utf8), to: junit)
        try Self.save(Data((report.summaryText + "\n").utf8), to: summary)
        try ResultsFile(report, shard: shard).write(to: results)
        try Self.save(Data(RunPage.html(report).utf8), to: html)
        let markdownText = MarkdownSummary.text(report)
        if let markdown { try Self.save(Data(markdownText.utf8), to: markdown) }
        if let step = environment["GITHUB_STEP_SUMMARY"], !step.isEmpty {
            try MarkdownSummary.append(markdownText, to: URL(fileURLWithPath: step))
        }
    }

    /// Writes a report file whole (a reader never sees half of one), making its folder first.
    package static func save(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    private static func sibling(of junit: URL, _ word: String, extension suffix: String) -> URL {
        let stem = junit.deletingPathExtension().lastPathComponent
        let name = stem.contains("junit") ? stem.replacingOccurrences(of: "junit", with: word) : "\(stem)-\(word)"
        return junit.deletingLastPathComponent().appendingPathComponent("\(name).\(suffix)")
    }
}
