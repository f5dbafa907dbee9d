/// Picks cases by id with shell-style globs (`codecatalyst.spaceName.*`, `*.auth.*`).
package struct CaseSelection: Sendable {
    package let patterns: [String]

    package init(_ patterns: [String]) { self.patterns = patterns }

    package func admits(_ id: String) -> Bool {
        patterns.isEmpty || patterns.contains { Glob.matches($0, id) }
    }
}

/// `*` matches any run of characters, `?` one character; everything else is literal (dots included).
package enum Glob {
    package static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
