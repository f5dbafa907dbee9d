/// The classic entity-expansion attack, for the hostile-answer defect.
enum BillionLaughs {
    static func doctype(root: String) -> String {
        var lines = ["<!DOCTYPE \(root) [", "<!ENTITY lol \"lol\">"]
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            lines.append("<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">")
        }
        lines.append("]>")
        return lines.joined(separator: "\n") + "\n"
    }
}
