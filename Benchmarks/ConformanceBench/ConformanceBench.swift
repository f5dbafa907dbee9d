import ConformanceEngine
import ConformanceModel
import Foundation
import ReferenceServer

/// Figures for issue-sized questions about speed, printed, never asserted: how the suite's case rate compares with a
/// plain AsyncHTTPClient loop sending the very same requests to the same server, and what one validation costs.
///
/// `conformance-bench --url http://127.0.0.1:PORT [--concurrency 1,4,16] [--rounds 5] [--runs 5]
/// [--parts raw,suite,validation]`
/// against a separately started
/// `conformance serve`; `Benchmarks/run.py` starts the server, builds both configurations and adds `wrk`.
@main
struct ConformanceBench {
    /// A server that is not there, or answers other than the reference server does, ends the run with its reason
    /// (exit 1), not a trap.
    static func main() async {
        do {
            try await measure()
        } catch {
            FileHandle.standardError.write(Data("conformance-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func measure() async throws {
        let arguments = Arguments(CommandLine.arguments.dropFirst())
        guard let url = arguments.value("--url") else {
            FileHandle.standardError.write(
                Data(
                    ("usage: conformance-bench --url http://127.0.0.1:PORT [--concurrency 1,4,16] [--rounds N] [--runs N]"
                        + " [--parts raw,suite,validation]\n").utf8))
            exit(2)
        }
        let levels = (arguments.value("--concurrency") ?? "1,4,16").split(separator: ",").compactMap { Int($0) }
        let rounds = Int(arguments.value("--rounds") ?? "5") ?? 5
        // One run of the cases takes about 50 ms in release, short enough for the scheduler's jitter to show; a round
        // is several whole runs of each side (each with its own client, log-on and report), timed together.
        let runs = max(1, Int(arguments.value("--runs") ?? "5") ?? 5)
        // `--parts suite` alone is what a profiler should watch to see the suite's own cost.
        let parts = Set((arguments.value("--parts") ?? "raw,suite,validation").split(separator: ",").map(String.init))
        let profiles = try ProfileLoader.loadAll()
        let cases = CaseDeriver.derive(profiles).filter { $0.expectation != .lifecycle }
        let bench = try await Bench(url: url, profiles: profiles)

        print(
            "cases: \(cases.count) non-lifecycle cases, \(rounds) rounds of \(runs) whole runs per side per figure (median)"
        )
        // Signed once: the reference server does not refuse a signature for its age, so the same requests serve every level.
        let requests = try await bench.preparedRequests(cases)
        // Raw and suite rounds alternate, and the ratio is taken per pair of neighbouring rounds: the machine's speed
        // drifts (two cores shared with the server), and a ratio of two medians taken minutes apart carries that drift.
        print("concurrency   raw AHC req/s   suite cases/s   ratio (median of pairs, min-max)")
        for concurrency in levels {
            var raws: [Double] = []
            var suites: [Double] = []
            var ratios: [Double] = []
            for _ in 0..<rounds {
                let raw =
                    parts.contains("raw")
                    ? try await rate(of: runs) { await RawLoop.rate(requests, concurrency: concurrency) } : .nan
                let suite =
                    parts.contains("suite")
                    ? try await rate(of: runs) { try await bench.suiteRate(cases, concurrency: concurrency) } : .nan
                raws.append(raw)
                suites.append(suite)
                ratios.append(suite / raw)
            }
            print(
                String(
                    format: "%11d   %13.0f   %13.0f   %5.2f (%.2f-%.2f)", concurrency, median(raws), median(suites),
                    median(ratios), ratios.min() ?? .nan, ratios.max() ?? .nan))
        }
        if parts.contains("validation") {
            print("validation of a typical success answer (µs each, median of \(rounds) × 2000)")
            for (label, microseconds) in try await bench.validationCosts(rounds: rounds) {
                print(
                    "  " + label.padding(toLength: 40, withPad: " ", startingAt: 0)
                        + String(format: "%8.1f µs", microseconds))
            }
        }
        await bench.shutdown()
    }

    /// The rate of `runs` runs of the same size back to back: their total count over their total time.
    static func rate(of runs: Int, _ run: () async throws -> Double) async throws -> Double {
        var secondsPerItem = 0.0
        for _ in 0..<runs { secondsPerItem += 1 / (try await run()) }
        return Double(runs) / secondsPerItem
    }

    static func median(_ rounds: Int, _ measure: @Sendable () async -> Double) async -> Double {
        var figures: [Double] = []
        for _ in 0..<rounds { figures.append(await measure()) }
        return median(figures)
    }

    static func median(_ figures: [Double]) -> Double {
        figures.isEmpty ? .nan : figures.sorted()[figures.count / 2]
    }
}

/// `--name value` pairs.
struct Arguments {
    let words: [String]
    init(_ words: ArraySlice<String>) { self.words = Array(words) }
    func value(_ name: String) -> String? {
        words.firstIndex(of: name).flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
    }
}
