import ConformanceEngine
import ConformanceModel
import EmbeddedTarget
import Foundation

/// `conformance run --dry-run`: what a run would do, and whether each target is ready for it, before any case is
/// judged.
struct DryRun {
    let profiles: [Profile]
    let config: TargetConfig?
    let file: String
    let cases: [DerivedCase]

    /// Prints the plan and the probes; true when nothing stands in the way.
    func run() async throws -> Bool {
        let embedded = ReferenceServerLauncher()
        var problems: [String] = []
        var probed = config
        for profile in profiles {
            let own = cases.filter { $0.api == profile.api }
            guard !own.isEmpty else { continue }
            let target = TargetSet.plannedTarget(api: profile.api, config: config, embedded: embedded)
            let applicability = Applicability(profile: profile, target: target)
            let skipped = own.compactMap { item in applicability.skipReason(item).map { (item.id, $0) } }
            let skippedIds = Set(skipped.map(\.0))
            let runs = own.filter { !skippedIds.contains($0.id) }
            let polls = runs.filter { $0.expectation == .lifecycle }.count
            let agreements = runs.filter { if case .agreement = $0.expectation { return true } else { return false } }
            let running = runs.count
            let requests = running + polls + agreements.count
            print(
                "\(profile.api): \(running) cases would run (at least \(requests) requests\(polls > 0 ? "; each lifecycle case polls until its terminal state" : "")), \(skipped.count) left out"
            )
            for (reason, items) in Dictionary(grouping: skipped, by: \.1).sorted(by: { $0.key < $1.key }) {
                print("  left out, \(items.count) × \(reason)")
            }
            if let configured = config?.apis[profile.api] {
                let unset = TargetConfigLoader.unsetVariables(for: configured, api: profile.api)
                if !unset.isEmpty {
                    problems += unset.map { "\(profile.api): credential variable not set: \($0)" }
                    probed?.apis[profile.api] = nil
                }
            }
        }
        let run = try await exitOnConfigurationError {
            try await ConformanceRun.start(
                config: probed, file: file, profiles: profiles, embedded: embedded,
                settings: RunSettings(config: config))
        }
        for finding in await run.preflight(cases) {
            if let problem = finding.problem {
                problems.append("\(finding.api): \(problem)")
            } else {
                print("\(finding.api): ready — \(finding.detail)")
            }
        }
        await run.close()
        for problem in problems { print("PROBLEM \(problem)") }
        print(
            problems.isEmpty
                ? "Ready: nothing stands in the way of the run."
                : "\(problems.count) problems; fix them before the run.")
        return problems.isEmpty
    }
}
