import ConformanceModel
import Foundation

/// Where a rule's id stands in its profile file, for annotations that point a reader at the rule.
enum ProfileLines {
    static func line(of id: String, api: String) -> Int {
        let url = ProfileLoader.defaultDirectory.appendingPathComponent("\(api).json")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return 1 }
        let needle = "\"id\": \"\(id)\""
        return text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 } ?? 1
    }
}
