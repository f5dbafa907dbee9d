import ConformanceModel
import EmbeddedTarget
import Foundation
import ReferenceServer
import TestFixtures
import Testing

@testable import ConformanceEngine

/// Serialized: each test starts a server and runs up to the whole suite against it; 45 of them at once on a 2-core
/// machine starve the servers into timeouts that say nothing about the code.
@Suite("Runs against the reference server", .serialized)
struct RunTests {
    @Test("every derived case passes against the faithful server")
    func faithfulServerPassesAll() async throws {
        let cases = CaseDeriver.derive(Fixtures.profiles)
        let report = try await Fixtures.run(cases)
        let notPassing = report.results.filter { $0.verdict != .pass }.map(\.explanation)
        #expect(notPassing == [], "the faithful server must pass every case without a single warning")
        #expect(
            report.summaries.allSatisfy {
                $0.rulesExercised == $0.rules && $0.errorsObserved == $0.errorMappings && !$0.mostlyRefused
            })
    }

    /// Each defect breaks one rule; exactly the cases that cover it must fail (or, for a recommended rule, warn), and
    /// nothing else. The run is recorded, and judged again from the recording to the same verdicts.
    @Test(
        "each defect mode fails exactly the cases that cover the broken rule, and so does its recording",
        arguments: Defect.allCases)
    func defectFailsExactlyItsCases(_ defect: Defect) async throws {
        let cases = CaseDeriver.derive(Fixtures.profile(defect.api))
        let (report, recording) = try await Fixtures.recordedRun(cases, defects: [defect], timeout: 2)
        expectSameVerdicts(report, await Fixtures.rejudge(cases, recording))
        let expected = Set(cases.map(\.id).filter { id in defect.expectedFailures.contains { Glob.matches($0, id) } })
        let expectedWarnings = Set(
            cases.map(\.id).filter { id in defect.expectedWarnings.contains { Glob.matches($0, id) } })
        #expect(!expected.union(expectedWarnings).isEmpty, "the defect names no case")
        expectVerdicts(report, failing: expected, warning: expectedWarnings)
    }

    /// A variation answers differently but breaks no required rule: the suite fails nothing (warnings allowed, and the
    /// ones a variation is known to raise are raised).
    @Test("each variation mode fails no case, and its recording judged again neither", arguments: Variation.allCases)
    func variationFailsNothing(_ variation: Variation) async throws {
        let cases = CaseDeriver.derive(Fixtures.profiles)
        let (report, recording) = try await Fixtures.recordedRun(cases, variations: [variation])
        expectSameVerdicts(report, await Fixtures.rejudge(cases, recording))
        let failing = report.results.filter(\.verdict.isFailure).map(\.explanation)
        #expect(failing == [], "\(variation.rawValue) is conforming, yet cases failed")
        let warned = report.results.filter { !$0.verdict.warnings.isEmpty }.count
        switch variation {
        case .routerNotFound, .exampleForms, .protocolErrorNames:
            #expect(warned > 0, "its differences are worth a warning")
        default: #expect(warned == 0)
        }
    }

    /// `conformance report --diff` and `run --baseline` rest on this comparison.
    @Test(
        "the difference between a faithful run and a defect run is exactly the defect's cases, as new failures",
        arguments: [
            Defect.oracleSucceededBelow100, .codecatalystAcceptsLongSpaceName, .s3controlWrongNamespace,
            .centurylinkAcceptsDecimalID, .cloudcontrolInternalFailureAs502,
        ])
    func diffOfADefect(_ defect: Defect) async throws {
        let cases = CaseDeriver.derive(Fixtures.profile(defect.api))
        let faithful = try await Fixtures.run(cases)
        let broken = try await Fixtures.run(cases, defects: [defect])
        let expected = cases.map(\.id).filter { id in defect.expectedFailures.contains { Glob.matches($0, id) } }
        let changes = RunDiff(base: faithful, new: broken)
        #expect(changes.newFailures == expected)
        #expect(changes.fixed.isEmpty && changes.added.isEmpty && changes.removed.isEmpty)
        #expect(RunDiff(base: broken, new: faithful).fixed == expected)
        #expect(RunDiff(base: broken, new: broken).isEmpty)
    }

    @Test("--strict fails what only warns otherwise")
    func strictFailsWarnings() async throws {
        let cases = CaseDeriver.derive(Fixtures.profile("oracle")).filter { $0.family == .response }
        let relaxed = try await Fixtures.run(cases, variations: [.exampleForms])
        let strict = try await Fixtures.run(cases, variations: [.exampleForms], strict: true)
        #expect(!relaxed.failed && relaxed.results.contains { !$0.verdict.warnings.isEmpty })
        #expect(strict.failed)
        #expect(
            strict.results.filter(\.verdict.isFailure).map(\.testCase.id)
                == relaxed.results.filter { !$0.verdict.warnings.isEmpty }.map(\.testCase.id))
    }

    @Test("no secret reaches the report: tokens, keys, passwords, cookies, signatures")
    func redaction() async throws {
        let cases = CaseDeriver.derive(Fixtures.profiles).filter { $0.family == .response || $0.family == .auth }
        let report = try await Fixtures.run(cases)
        let xml = JUnitWriter.xml(report)
        for secret in [
            ReferenceFixtures.bearerToken, ReferenceFixtures.awsSecretAccessKey, ReferenceFixtures.centuryLinkPassword,
            ReferenceFixtures.centuryLinkAPIKey,
        ] {
            #expect(!xml.contains(secret), "\(secret) leaked")
        }
        // A signature's value, from an Authorization header or a presigned query, is never shown.
        #expect(xml.range(of: "Signature=[0-9a-f]{16}", options: .regularExpression) == nil, "a signature leaked")
        #expect(xml.contains("X-Amz-Signature=&lt;redacted&gt;"), "the presigned case's transcript is in the report")
        #expect(xml.contains("Authorization: Bearer &lt;redacted&gt;"))
        #expect(xml.contains("Tier3.API.Cookie=&lt;redacted&gt;"))
    }

    @Test("known divergences are reported as such, and a stale one is flagged")
    func knownDivergences() async throws {
        var target = ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:1").apis["oracle"]!
        target.knownDivergences = [
            KnownDivergence(cases: ["oracle.errors.404"], reason: "mock answers 500"),
            KnownDivergence(cases: ["oracle.errors.409"], reason: "stale entry"),
        ]
        let server = try await ReferenceServer.start(
            profiles: Fixtures.profiles, options: .init(defects: [.oracle404As500]))
        target.baseURL = server.baseURL
        target.auth = AuthConfig(tokenEnv: "T")
        let config = TargetConfig(apis: ["oracle": target])
        // Every API's cases: those of the APIs the config leaves out must come back skipped, saying why.
        let report = try await Fixtures.run(
            CaseDeriver.derive(Fixtures.profiles), config: config, concurrency: 4,
            environment: ["T": ReferenceFixtures.bearerToken])
        await server.stop()
        let byId = Dictionary(uniqueKeysWithValues: report.results.map { ($0.testCase.id, $0.verdict) })
        if case .knownDivergence(let reason, let failures)? = byId["oracle.errors.404"] {
            #expect(reason == "mock answers 500" && failures.first?.actual == "HTTP 500")
        } else {
            Issue.record("oracle.errors.404 is \(String(describing: byId["oracle.errors.404"]))")
        }
        #expect(byId["oracle.errors.409"] == .divergenceNotObserved(reason: "stale entry"))
        #expect(!report.failed)
        let centurylink = report.results.filter { $0.testCase.api == "centurylink" }
        #expect(
            !centurylink.isEmpty
                && centurylink.allSatisfy { $0.verdict == .skip("the target config does not configure centurylink") })
    }

    @Test("a run that mostly never reaches the operation says so")
    func antiVacuity() async throws {
        var target = ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:1").apis["codecatalyst"]!
        let server = try await ReferenceServer.start(profiles: Fixtures.profiles)
        target.baseURL = server.baseURL
        target.auth = AuthConfig(tokenEnv: "T")
        let config = TargetConfig(apis: ["codecatalyst": target])
        let report = try await Fixtures.run(
            CaseDeriver.derive(Fixtures.profile("codecatalyst")), config: config, concurrency: 4,
            environment: ["T": "a-wrong-token"])
        await server.stop()
        #expect(report.summaries.first { $0.api == "codecatalyst" }?.mostlyRefused == true)
        #expect(report.summaryText.contains("WARNING: codecatalyst"))
    }

    /// Against a port nothing listens on, every case errors; the one thing the run knows is said once, first.
    @Test("a target that does not answer is named as such, once, with why")
    func unansweredTarget() async throws {
        var target = ReferenceFixtures.targetConfig(baseURL: "http://127.0.0.1:1").apis["oracle"]!
        target.auth = AuthConfig(tokenEnv: "T")
        let report = try await Fixtures.run(
            CaseDeriver.derive(Fixtures.profile("oracle")), config: TargetConfig(apis: ["oracle": target]),
            concurrency: 4, environment: ["T": "token"])
        let summary = try #require(report.summaries.first { $0.api == "oracle" })
        #expect(summary.unanswered)
        let warnings = report.summaryText.split(separator: "\n").filter { $0.hasPrefix("WARNING: oracle") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("no answer from http://127.0.0.1:1") == true)
        #expect(warnings.first?.contains("refused") == true, "the reason the connection failed is said")
    }
}

@Suite("Politeness with a live service")
struct PolitenessTests {
    @Test("a rate limit spaces the requests: n requests at r a second take at least (n-1)/r seconds")
    func rateLimit() async throws {
        let limiter = RateLimiter(perSecond: 50)
        let started = ContinuousClock.now
        for _ in 0..<11 { try await limiter.wait() }
        #expect(ContinuousClock.now - started >= .milliseconds(195))
    }

    @Test("--rate 20 keeps a run against a slow target at or under 20 requests a second, by the server's own log")
    func rateFromServerLog() async throws {
        let cases = Array(
            CaseDeriver.derive(Fixtures.profile("codecatalyst")).filter { $0.expectation != .lifecycle }.prefix(41))
        let (results, log) = try await Fixtures.runLogged(
            cases, settings: { RunSettings(config: $0, concurrency: 8, rate: 20) })
        #expect(results.allSatisfy { $0.verdict == .pass })
        let times = log.map(\.at)
        #expect(times.count == cases.count, "one request per case")
        // The limiter spaces what is sent; what arrives also carries each request's way there: the first ones open
        // connections (up to tens of milliseconds late), later ones vary by a few. So the pace is measured from the
        // second arrival with 2 % allowed, and any one second may hold one request more than the rate.
        let seconds = try #require(times.last.map { ($0 - times[1]).inSeconds })
        #expect(Double(times.count - 2) / seconds <= 20 * 1.02, "\(times.count - 1) requests in \(seconds) s")
        let busiest = times.indices.map { start in times[start...].prefix { $0 - times[start] < .seconds(1) }.count }
            .max()
        #expect((busiest ?? 0) <= 21, "\(busiest ?? 0) requests arrived within one second")
    }

    @Test("--max-requests 10 sends at most 10 requests, by the server's own log; the cases not sent are not run")
    func requestBudgetFromServerLog() async throws {
        let cases = CaseDeriver.derive(Fixtures.profile("codecatalyst"))
        let (results, log) = try await Fixtures.runLogged(
            cases, settings: { RunSettings(config: $0, concurrency: 4, maxRequests: 10) })
        #expect(log.count <= 10, "the server was asked \(log.count) times")
        #expect(results.filter { $0.verdict == .pass }.count == log.count, "each request sent is a case run")
        #expect(!results.contains { $0.verdict.isFailure })
        let stopped = results.compactMap(\.stoppedEarly)
        #expect(stopped.count == cases.count - log.count && stopped.allSatisfy { $0.contains("--max-requests 10") })
    }

    @Test("every fifth answer a throttling one: waited out, nothing fails, the waits are counted")
    func throttleStorm() async throws {
        let cases = CaseDeriver.derive(Fixtures.profiles)
        let report = try await Fixtures.run(cases, variations: [.throttleStorm])
        let notClean = report.results.filter { $0.verdict.isFailure || !$0.verdict.warnings.isEmpty }
        #expect(notClean.map(\.explanation) == [])
        #expect(report.results.reduce(0) { $0 + $1.throttled } > 0)
        #expect(report.summaryText.contains("asked to slow down and were waited out"))
    }

    @Test("a case that fails once and passes when run again is flaky, not failed; --strict fails it")
    func flaky() async throws {
        let cases = CaseDeriver.derive(Fixtures.profile("codecatalyst")).filter { $0.family == .response }
        func run(strict: Bool) async throws -> RunReport {
            let config = TargetConfig(
                apis: [:], embedded: EmbeddedOptions(defects: [Defect.codecatalystInProgressWrongOnce.rawValue]))
            let run = try await ConformanceRun.start(
                config: config, profiles: Fixtures.profiles, embedded: ReferenceServerLauncher(),
                settings: RunSettings(config: config, strict: strict, retryFailed: 2))
            return await run.finish(await run.run(cases), order: cases.map(\.id))
        }
        let relaxed = try await run(strict: false)
        #expect(!relaxed.failed)
        let flaky = relaxed.results.filter(\.isFlaky)
        #expect(flaky.map(\.testCase.id) == ["codecatalyst.response.in-progress"])
        #expect(flaky.first?.flakyAttempts.count == 1)
        let junit = JUnitWriter.xml(relaxed)
        #expect(junit.contains("<flakyFailure message=") && !junit.contains("<failure "))
        if Fixtures.hasSharedJUnitSchema {
            // Surefire's flakyFailure, as the Jenkins schema CI's report consumers validate against allows it.
            let schema = try XMLSchema(xsd: [UInt8](Data(contentsOf: Fixtures.sharedJUnitSchema)), name: "junit-10.xsd")
            #expect(try XMLDocument(bytes: Array(junit.utf8)).violations(of: schema) == [])
        }
        #expect(
            relaxed.summaryText.contains(
                "1 flaky (failed, then passed when run again): codecatalyst.response.in-progress"))
        #expect(MarkdownSummary.text(relaxed).contains("#### Flaky (1)"))
        let strict = try await run(strict: true)
        #expect(strict.results.filter(\.verdict.isFailure).map(\.testCase.id) == ["codecatalyst.response.in-progress"])
    }

    @Test("a run stopped while a case polls ends that case at once, skipped and saying why")
    func stoppedWhilePolling() async throws {
        let cases = CaseDeriver.derive(Fixtures.profile("codecatalyst")).filter { $0.expectation == .lifecycle }
        #expect(!cases.isEmpty)
        let config = TargetConfig(
            lifecycleTimeoutSeconds: 60, apis: [:],
            embedded: EmbeddedOptions(defects: [Defect.codecatalystNeverFinishes.rawValue]))
        let run = try await ConformanceRun.start(
            config: config, profiles: Fixtures.profiles, embedded: ReferenceServerLauncher(),
            settings: RunSettings(config: config))
        let started = ContinuousClock.now
        let polling = Task { await run.run(cases) }
        try await Task.sleep(for: .milliseconds(500))
        polling.cancel()
        let results = await polling.value
        let elapsed = ContinuousClock.now - started
        _ = await run.finish(results, order: cases.map(\.id))
        #expect(elapsed < .seconds(10), "a stopped run waited \(elapsed) for a lifecycle that never ends")
        #expect(results.map(\.verdict) == cases.map { _ in .skip("the run was stopped while this case was polling") })
    }

    @Test("--max-failures stops the run: the cases not started are skipped, saying why")
    func maxFailures() async throws {
        let cases = CaseDeriver.derive(Fixtures.profile("oracle"))
        let config = TargetConfig(
            apis: [:], embedded: EmbeddedOptions(defects: [Defect.oracleSucceededBelow100.rawValue]))
        let run = try await ConformanceRun.start(
            config: config, profiles: Fixtures.profiles, embedded: ReferenceServerLauncher(),
            settings: RunSettings(config: config, concurrency: 1, maxFailures: 1))
        let results = await run.run(cases)
        _ = await run.finish(results, order: cases.map(\.id))
        #expect(results.filter(\.verdict.isFailure).count == 1)
        let stopped = results.compactMap(\.stoppedEarly)
        #expect(!stopped.isEmpty && stopped.allSatisfy { $0.contains("--max-failures 1") })
    }
}
