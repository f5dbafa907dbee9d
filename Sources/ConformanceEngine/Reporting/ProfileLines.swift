import ConformanceModel
import Foundation

/// Where each rule's id stands in a profile file, for annotations that point a reader at the rule; read once per
/// profile and report.
struct ProfileLines {
    private var lines: [String: Int] = [:]
    /// The profile file as the annotation names it.
    let file: String

    init(profile: Profile) {
        let url = profile.origin ?? ProfileLoader.defaultDirectory.appendingPathComponent("\(profile.api).json")
        file = DisplayPath.of(url)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let prefix = "\"id\": \""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let start = line.range(of: prefix), let end = line[start.upperBound...].firstIndex(of: "\"") else {
                continue
            }
            let id = String(line[start.upperBound..<end])
            if lines[id] == nil { lines[id] = index + 1 }
        }
    }

    /// 1 when the id is not in the file.
    func line(of id: String) -> Int { lines[id] ?? 1 }
}
