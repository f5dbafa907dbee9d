import ConformanceModel

extension ConformanceRunner {
    /// A runner that judges the answers recorded in `har` with `profiles`, sending nothing: each case's requests are
    /// built again from the recorded targets and answered from the recording, settled as the recorded run was
    /// (`--strict`, `--retry-failed`). Pauses take no time, so a lifecycle is judged in an instant, by its answers'
    /// recorded times.
    static func rejudging(_ har: HAR, profiles: [Profile], strict: Bool = false) -> ConformanceRunner {
        let run = har.log.run
        var resolved: [String: ResolvedTarget] = [:]
        var unrecorded: [String: String] = [:]
        for profile in profiles {
            if let target = run.targets.first(where: { $0.api == profile.api }) {
                resolved[profile.api] = target.resolved
            } else {
                unrecorded[profile.api] = "the recording holds no run of \(profile.api)"
            }
        }
        let targets = TargetSet(
            resolved: resolved, unconfigured: unrecorded, name: "\(run.targetName), judged again from its recording",
            stopEmbedded: nil)
        return ConformanceRunner(
            profiles: profiles, targets: targets,
            settings: RunSettings(config: nil, strict: strict || run.strict, retryFailed: run.retryFailed),
            replay: ReplayDriver(har))
    }
}

extension HAR {
    /// The APIs the recorded run ran.
    package var apis: [String] { log.run.targets.map(\.api) }
}

extension CaseResult {
    /// Whether a re-judged case was left unjudged because its requests are no longer the recorded ones.
    package var needsLiveRun: Bool {
        guard case .skip(let reason) = verdict else { return false }
        return reason.hasPrefix(ReplayDriver.needsLiveRun)
    }
}
