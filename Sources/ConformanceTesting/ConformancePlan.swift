import ConformanceEngine
import ConformanceModel
import Foundation
import Synchronization

/// What a conformance suite will run, settled at test discovery (before any server starts), because
/// `@Test(arguments:)` is evaluated then: the profiles, the target config, the cases selected and applicable, and the
/// cases left out with the reason. Swift Testing cannot skip a single argument visibly, so left-out cases are listed
/// in the suite's summary and JUnit report instead.
public struct ConformancePlan: Sendable {
    let profiles: [Profile]
    let config: TargetConfig?
    let configFile: String?
    let selection: [String]
    /// The cases that will run.
    public let cases: [DerivedCase]
    /// The cases that do not apply to the target, with the reason (listed in the summary and the JUnit report).
    public let leftOut: [(DerivedCase, String)]
    /// Every selected case id, run or left out, in derivation order (the order of the report).
    let order: [String]
    /// `CONFORMANCE_SHARD=i/n`: only the cases of this shard are planned.
    let shard: Shard?
    /// A profile or config that could not be read: the suite fails with this message instead of running.
    public let problem: String?

    /// The plan for `configFile` (or `CONFORMANCE_CONFIG`, or the embedded server), with `CONFORMANCE_CASES` globs
    /// (comma-separated) selecting case ids and `CONFORMANCE_SHARD=i/n` one shard of them. Computed once per config
    /// file and process.
    public static func current(configFile: String? = nil) -> ConformancePlan {
        let environment = ProcessInfo.processInfo.environment
        let file = configFile ?? environment["CONFORMANCE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        return cache.plan(for: file) {
            make(
                configFile: file, globs: environment["CONFORMANCE_CASES"] ?? "", shard: environment["CONFORMANCE_SHARD"]
            )
        }
    }

    static func make(configFile: String?, globs: String, shard shardText: String? = nil) -> ConformancePlan {
        let selection = globs.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let profiles: [Profile]
        let config: TargetConfig?
        let shard: Shard?
        do {
            profiles = try ProfileLoader.loadAll()
            config = try configFile.map { try TargetConfigLoader.load(URL(fileURLWithPath: $0), profiles: profiles) }
            shard = try shardText.flatMap { $0.isEmpty ? nil : try Shard(parsing: $0, field: "CONFORMANCE_SHARD") }
        } catch {
            return ConformancePlan(
                profiles: [], config: nil, configFile: configFile, selection: selection, cases: [], leftOut: [],
                order: [], shard: nil, problem: "\(error)")
        }
        let matcher = CaseSelection(selection)
        var cases: [DerivedCase] = []
        var leftOut: [(DerivedCase, String)] = []
        var order: [String] = []
        for profile in profiles {
            let applicability = Applicability(
                profile: profile,
                target: TargetSet.plannedTarget(
                    api: profile.api, config: config, embedded: EmbeddedDefault.targets))
            for item in CaseDeriver.derive(profile) where matcher.admits(item.id) && shard?.contains(item.id) ?? true {
                order.append(item.id)
                if let reason = applicability.skipReason(item) {
                    leftOut.append((item, reason))
                } else {
                    cases.append(item)
                }
            }
        }
        var problem: String?
        if cases.isEmpty && leftOut.isEmpty && !selection.isEmpty {
            problem = "CONFORMANCE_CASES=\(globs) matches no case id; `swift run conformance list` prints them"
        }
        return ConformancePlan(
            profiles: profiles, config: config, configFile: configFile, selection: selection, cases: cases,
            leftOut: leftOut, order: order, shard: shard, problem: problem)
    }

    /// The arguments for one `@Test`: this API's applicable cases of one family. An API no profile has is one
    /// argument that fails, naming the APIs there are: an empty list would show as a test that ran nothing.
    public func arguments(api: String, family: CaseFamily) -> [ConformanceCase] {
        arguments(api: api).filter { $0.problem != nil || $0.derived.family == family }
    }

    /// The arguments for one `@Test` covering every family of an API: all its applicable cases.
    public func arguments(api: String) -> [ConformanceCase] {
        guard problem != nil || profiles.contains(where: { $0.api == api }) else {
            let known = profiles.map(\.api).joined(separator: ", ")
            return [ConformanceCase(unknownAPI: api, problem: "no profile for API '\(api)'; the APIs are \(known)")]
        }
        return cases.filter { $0.api == api }.map(ConformanceCase.init)
    }

    private static let cache = PlanCache()
}

/// One plan per config file per process.
private final class PlanCache: Sendable {
    private let plans = Mutex<[String: ConformancePlan]>([:])

    func plan(for file: String?, make: () -> ConformancePlan) -> ConformancePlan {
        plans.withLock { plans in
            if let plan = plans[file ?? ""] { return plan }
            let plan = make()
            plans[file ?? ""] = plan
            return plan
        }
    }
}
