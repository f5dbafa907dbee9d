import ConformanceModel

/// How many cases exercise each rule of a profile. A rule with none is a gap in the suite, not a pass.
public struct Coverage: Sendable {
    public struct Row: Sendable {
        public let id: String
        public let kind: String
        public let source: String
        public let cases: Int
    }

    public let api: String
    public let rows: [Row]
    public let anomalies: Int

    public var uncovered: [Row] { rows.filter { $0.cases == 0 } }

    public init(profile: Profile, cases: [DerivedCase]) {
        var counts: [String: Int] = [:]
        for item in cases where item.api == profile.api {
            for id in Set(item.covers) { counts[id, default: 0] += 1 }
        }
        var rows: [Row] = []
        func row(_ id: String, _ kind: String, _ source: Source) {
            rows.append(Row(id: id, kind: kind, source: source.citation, cases: counts[id] ?? 0))
        }
        for input in profile.inputs {
            for constraint in input.constraints { row(constraint.id, "input \(constraint.kind.rawValue)", constraint.source) }
        }
        for response in profile.responses {
            for field in response.fields { row(field.id, "response field", field.sources[0]) }
            for invariant in response.invariants { row(invariant.id, "invariant \(invariant.kind.rawValue)", invariant.source) }
        }
        for mapping in profile.errors { row(mapping.id, "error \(mapping.status.map(String.init) ?? "body")", mapping.source) }
        row(profile.lifecycle.id, "lifecycle", profile.lifecycle.source)
        self.api = profile.api
        self.rows = rows
        self.anomalies = profile.anomalies.count
    }
}
