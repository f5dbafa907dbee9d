import ConformanceModel
import EmbeddedTarget
import Foundation
import ReferenceServer
import TestFixtures
import Testing

@testable import ConformanceEngine

extension Fixtures {
    /// Runs `cases` against a fresh embedded server with `defects`, and stops it.
    static func run(
        _ cases: [DerivedCase], defects: [Defect] = [], variations: [Variation] = [], timeout: Double = 3,
        strict: Bool = false
    ) async throws -> RunReport {
        let config = TargetConfig(
            timeoutSeconds: timeout, strict: strict, apis: [:],
            embedded: EmbeddedOptions(defects: defects.map(\.rawValue), variations: variations.map(\.rawValue)))
        return try await run(cases, config: config)
    }

    /// Runs `cases` against the targets of `config` (the embedded server where it asks for it), and stops them.
    static func run(
        _ cases: [DerivedCase], profiles: [Profile] = Fixtures.profiles, config: TargetConfig?, concurrency: Int = 8,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> RunReport {
        let run = try await ConformanceRun.start(
            config: config, profiles: profiles, embedded: ReferenceServerLauncher(),
            settings: RunSettings(config: config, concurrency: concurrency), environment: environment)
        return await run.finish(await run.run(cases), order: cases.map(\.id))
    }
}

extension RunReport {
    /// The verdict of case `id`; a test that names a case the run did not hold fails here.
    func verdict(of id: String, sourceLocation: SourceLocation = #_sourceLocation) -> Verdict? {
        let found = results.first { $0.testCase.id == id }?.verdict
        if found == nil { Issue.record("the run has no case \(id)", sourceLocation: sourceLocation) }
        return found
    }
}

/// Expects the run's failing cases (failed or errored) to be exactly `failing` and, when given, the cases that warn to be
/// exactly `warning`, naming each case that differs.
func expectVerdicts(
    _ report: RunReport, failing: Set<String>, warning: Set<String>? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let failed = Set(report.results.filter(\.verdict.isFailure).map(\.testCase.id))
    #expect(
        failed.subtracting(failing).sorted() == [], "failed without being expected to", sourceLocation: sourceLocation)
    #expect(failing.subtracting(failed).sorted() == [], "expected to fail but did not", sourceLocation: sourceLocation)
    if let warning {
        let warned = Set(report.results.filter { !$0.verdict.warnings.isEmpty }.map(\.testCase.id))
        #expect(
            warned.subtracting(warning).sorted() == [], "warned without being expected to",
            sourceLocation: sourceLocation)
        #expect(
            warning.subtracting(warned).sorted() == [], "expected to warn but did not", sourceLocation: sourceLocation)
    }
}

extension Fixtures {
    /// Runs `cases` against a fresh embedded server with `defects` or `variations`, recording every exchange; the
    /// recording comes back as the file holds it (written and read again).
    static func recordedRun(
        _ cases: [DerivedCase], defects: [Defect] = [], variations: [Variation] = [], timeout: Double = 3
    ) async throws -> (RunReport, HAR) {
        let config = TargetConfig(
            timeoutSeconds: timeout, apis: [:],
            embedded: EmbeddedOptions(defects: defects.map(\.rawValue), variations: variations.map(\.rawValue)))
        let run = try await ConformanceRun.start(
            config: config, profiles: Fixtures.profiles, embedded: ReferenceServerLauncher(),
            settings: RunSettings(config: config, concurrency: 8), recording: Recording())
        let report = await run.finish(await run.run(cases), order: cases.map(\.id))
        let har = try #require(run.har(cases: cases.map(\.id)))
        return (report, try JSONDecoder().decode(HAR.self, from: JSONEncoder().encode(har)))
    }

    /// `cases` judged again from `har` with `profiles`.
    static func rejudge(_ cases: [DerivedCase], _ har: HAR, profiles: [Profile] = Fixtures.profiles) async
        -> RunReport
    {
        let run = ConformanceRun.rejudging(har, profiles: profiles)
        return await run.finish(await run.run(cases), order: cases.map(\.id))
    }
}

/// Expects `rejudged` to give every case of `report` the same verdict, naming each that moved.
func expectSameVerdicts(_ report: RunReport, _ rejudged: RunReport, sourceLocation: SourceLocation = #_sourceLocation) {
    let before = Dictionary(uniqueKeysWithValues: report.results.map { ($0.testCase.id, $0.verdict) })
    let moved = rejudged.results.filter { before[$0.testCase.id] != $0.verdict }.map {
        "\($0.testCase.id): \(before[$0.testCase.id].map { "\($0)" } ?? "absent") → \($0.verdict)"
    }
    #expect(moved == [], "re-judged from the recording, these verdicts moved", sourceLocation: sourceLocation)
    #expect(rejudged.results.count == report.results.count, sourceLocation: sourceLocation)
}

extension Fixtures {
    /// Runs `cases` against a server of its own that answers every request 50 ms late (`slow-answers`) and logs each
    /// as it arrives, configured as another process would be (credentials from the environment); stops it.
    static func runLogged(_ cases: [DerivedCase], settings: (TargetConfig) -> RunSettings) async throws -> (
        [CaseResult], [RequestLog.Arrival]
    ) {
        let log = RequestLog()
        let server = try await ReferenceServer.start(
            profiles: Fixtures.profiles, options: .init(variations: [.slowAnswers], requestLog: log))
        let config = ReferenceFixtures.sharedConfig(
            baseURL: server.baseURL,
            profiles: Fixtures.profiles.filter { profile in cases.contains { $0.api == profile.api } })
        let run = try await ConformanceRun.start(
            config: config, profiles: Fixtures.profiles, embedded: nil, settings: settings(config),
            environment: ReferenceFixtures.credentialEnvironment)
        let results = await run.run(cases)
        _ = await run.finish(results, order: cases.map(\.id))
        await server.stop()
        return (results, log.all)
    }
}
