import ConformanceModel

/// Media-type comparison that ignores parameters and case; `allowed` lists alternatives with `|`.
enum MediaType {
    /// Nil when `actual` (already without parameters) is allowed; otherwise how to describe it.
    static func mismatch(_ actual: String?, allowed: String) -> String? {
        guard let actual else { return "no Content-Type" }
        // Compared in place, in UTF-8 and by ASCII folding: this runs for every answer of every case.
        let bar = UInt8(ascii: "|")
        let alternatives = allowed.utf8
        var start = alternatives.startIndex
        while true {
            let end = alternatives[start...].firstIndex(of: bar) ?? alternatives.endIndex
            let candidate = alternatives[start..<end]
            if candidate.count == actual.utf8.count,
                zip(candidate, actual.utf8).allSatisfy({ ASCIIText.fold($0) == ASCIIText.fold($1) })
            {
                return nil
            }
            guard end < alternatives.endIndex else { return actual }
            start = alternatives.index(after: end)
        }
    }
}
