import Foundation

/// Where a run's reports go, named from its JUnit report so that runs written side by side do not overwrite each
/// other: `junit.xml` gets `summary.txt`, `results.json` and `conformance.html`; `junit-moto.xml` gets
/// `summary-moto.txt`, `results-moto.json`, `conformance-moto.html`; any other name `<name>-summary.txt` and so on.
package struct ReportFiles: Sendable {
    package let junit: URL
    /// The page a person reads (`--html PATH` moves it).
    package var html: URL
    /// The Markdown summary, when asked for (`--markdown PATH`).
    package var markdown: URL?

    package init(junit: URL, html: URL? = nil, markdown: URL? = nil) {
        self.junit = junit
        self.html = html ?? junit
        self.markdown = markdown
        if html == nil { self.html = sibling("conformance", extension: "html") }
    }

    package var summary: URL { sibling("summary", extension: "txt") }
    /// Everything the run found (`ResultsFile`): what `conformance report` reads to merge shards or draw the matrix.
    package var results: URL { sibling("results", extension: "json") }

    /// Writes every report of `report`: JUnit, summary, results, the HTML page, the Markdown summary when asked
    /// for, and the Markdown appended to `$GITHUB_STEP_SUMMARY` when that is set.
    package func write(
        _ report: RunReport, junitOptions: JUnitWriter.Options = .init(), shard: Shard? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try FileManager.default.createDirectory(
            at: junit.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(JUnitWriter.xml(report, options: junitOptions).utf8).write(to: junit, options: .atomic)
        try Data((report.summaryText + "\n").utf8).write(to: summary, options: .atomic)
        try ResultsFile(report, shard: shard).write(to: results)
        try FileManager.default.createDirectory(at: html.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(RunPage.html(report).utf8).write(to: html, options: .atomic)
        let markdownText = MarkdownSummary.text(report)
        if let markdown {
            try FileManager.default.createDirectory(
                at: markdown.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(markdownText.utf8).write(to: markdown, options: .atomic)
        }
        if let step = environment["GITHUB_STEP_SUMMARY"], !step.isEmpty {
            try MarkdownSummary.append(markdownText, to: URL(fileURLWithPath: step))
        }
    }

    private func sibling(_ word: String, extension suffix: String) -> URL {
        let stem = junit.deletingPathExtension().lastPathComponent
        let name = stem.contains("junit") ? stem.replacingOccurrences(of: "junit", with: word) : "\(stem)-\(word)"
        return junit.deletingLastPathComponent().appendingPathComponent("\(name).\(suffix)")
    }
}
