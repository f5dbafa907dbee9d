import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

@Suite("Shards")
struct ShardTests {
    @Test("a bad shard is refused naming where it came from", arguments: ["0/3", "4/3", "1/0", "1-3", "a/b", "1/3/2"])
    func badShard(_ text: String) {
        #expect(throws: ConfigurationError.self) { try Shard(parsing: text, field: "--shard") }
    }

    @Test("every case is in exactly one of n shards")
    func partition() throws {
        let ids = CaseDeriver.derive(Fixtures.profiles).map(\.id)
        let shards = try (1...3).map { try Shard(parsing: "\($0)/3", field: "test") }
        #expect(ids.allSatisfy { id in shards.filter { $0.contains(id) }.count == 1 })
        #expect(shards.allSatisfy { shard in ids.filter(shard.contains).count > ids.count / 5 })
    }

    @Test("three shards merged equal one unsharded run, and the merged report is valid junit-10")
    func mergedEqualsUnsharded() async throws {
        let cases = CaseDeriver.derive(Fixtures.profiles)
        let whole = try await Fixtures.run(cases)
        var parts: [ResultsFile] = []
        for index in 1...3 {
            let shard = try Shard(parsing: "\(index)/3", field: "test")
            let report = try await Fixtures.run(cases.filter { shard.contains($0.id) })
            parts.append(ResultsFile(report, shard: shard))
        }
        let merged = try ShardMerge.merge(parts, names: ["1", "2", "3"], profiles: Fixtures.profiles)
        #expect(merged.results.map(\.testCase.id) == whole.results.map(\.testCase.id))
        #expect(merged.results.map(\.verdict) == whole.results.map(\.verdict))
        #expect(
            merged.summaryText.split(separator: "\n").dropLast() == whole.summaryText.split(separator: "\n").dropLast())
        if FileManager.default.fileExists(atPath: Fixtures.sharedJUnitSchema.path) {
            let schema = try XMLSchema(xsd: [UInt8](Data(contentsOf: Fixtures.sharedJUnitSchema)), name: "junit-10.xsd")
            #expect(try XMLDocument(bytes: Array(JUnitWriter.xml(merged).utf8)).violations(of: schema) == [])
        }
        #expect(throws: ConfigurationError.self) {
            try ShardMerge.merge([parts[0], parts[0]], names: ["a", "b"], profiles: Fixtures.profiles)
        }
    }
}
