import ConformanceModel
import Foundation

/// What a dry run finds before any case is judged: per API, whether its target answers, whether it takes the
/// credentials, whether the clocks agree well enough for a SigV4 signature, and (CenturyLink) whether the log-on works.
/// One request per API is sent — the `succeeded` fixture's status question where the config gives one, signed as the
/// run would — and its answer is read only for these facts.
package struct PreflightFinding: Sendable {
    package let api: String
    /// Nil when all is ready; otherwise what stands in the way.
    package let problem: String?
    package let detail: String
}

/// A SigV4 signature is refused when the two clocks differ by more than this (AWS: 5 minutes).
private let sigV4Window: TimeInterval = 300

extension ConformanceRunner {
    /// One probe per API that has a target, in the order of the profiles.
    func preflight(_ cases: [DerivedCase]) async -> [PreflightFinding] {
        var findings: [PreflightFinding] = []
        for (api, runner) in runnersByAPI {
            // The succeeded fixture's question first: its answer says the most. Any case the target can build next.
            let own = cases.filter { $0.api == api }
            let candidates =
                own.filter { $0.expectation == .success && $0.request.fixture == "succeeded" }
                + own.filter { $0.request.auth == .valid }
            findings.append(await runner.probe(candidates))
        }
        return findings
    }
}

extension CaseRunner {
    /// Sends the first of `candidates` the target can build, signed as the run would; with none, a bare `GET /`, which
    /// still shows whether anything answers there.
    func probe(_ candidates: [DerivedCase]) async -> PreflightFinding {
        func found(_ problem: String?, _ detail: String) -> PreflightFinding {
            PreflightFinding(api: profile.api, problem: problem, detail: detail)
        }
        var chosen: (item: DerivedCase, request: PreparedRequest)?
        for item in candidates {
            guard let request = try? builder.build(item) else { continue }
            do {
                chosen = (item, try await authorizer.apply(.valid, to: request, driver: driver))
            } catch Authorizer.Failure.logon(let reason) {
                return found("the log-on failed: \(reason)", "")
            } catch {
                return found("the request could not be prepared: \(error)", "")
            }
            break
        }
        let prepared =
            chosen?.request
            ?? PreparedRequest(
                method: "GET", origin: target.baseURL, path: "/", query: "", headers: [("Host", target.hostHeader)],
                body: [], sent: [:])
        let exchange = await driver.send(prepared)
        let answer: Answer
        switch exchange.outcome {
        case .failure(let error): return found("nothing answers at \(target.baseURL): \(error)", "")
        case .success(let value): answer = value
        }
        guard let item = chosen?.item else {
            return found(
                nil, "\(target.baseURL) answers (HTTP \(answer.status) to GET /); no case of the config can be built")
        }
        let (problems, clock) = PreflightFinding.read(answer, profile: profile, format: item.format, now: Date())
        let detail =
            "\(target.baseURL) answered HTTP \(answer.status) to \(item.id)'s request" + (clock.map { ", \($0)" } ?? "")
        return found(problems.isEmpty ? nil : problems.joined(separator: "; "), detail)
    }
}

extension PreflightFinding {
    /// What a probe's answer says of the target's readiness: the credentials refused, a clock too far from `now` for
    /// SigV4; and how far the clocks are apart, for the report.
    package static func read(_ answer: Answer, profile: Profile, format: WireFormat, now: Date) -> (
        problems: [String], clock: String?
    ) {
        var problems: [String] = []
        var clock: String?
        if let date = answer.header("Date").flatMap(Pacing.httpDate) {
            // A Date header counts whole seconds: a second's difference is the header's, not the clocks'.
            let skew = date.timeIntervalSince(now)
            clock =
                abs(skew) < 2
                ? "its clock within a second of this one's" : "its clock \(Int(skew.rounded())) s from this one's"
            if profile.auth.scheme == .sigv4, abs(skew) > sigV4Window {
                problems.append(
                    "the clocks differ by \(Int(abs(skew).rounded())) s: SigV4 signatures are refused beyond \(Int(sigV4Window)) s"
                )
            }
        }
        let parsed = ParsedAnswer(answer)
        let validator = ErrorValidator(profile: profile, format: format)
        let credentialRefusal = profile.errors.contains {
            [.authMissing, .authInvalid, .authMalformed].contains($0.provokedBy)
                && validator.matches(parsed, mapping: $0)
        }
        if answer.status == 401 || answer.status == 403 || credentialRefusal {
            let code = validator.code(of: parsed).map { " \($0)" } ?? ""
            problems.append("the credentials were refused (HTTP \(answer.status)\(code))")
        }
        return (problems, clock)
    }
}
