import ConformanceModel

/// Media-type comparison that ignores parameters and case; `allowed` lists alternatives with `|`.
enum MediaType {
    /// Nil when `actual` (already without parameters) is allowed; otherwise how to describe it.
    static func mismatch(_ actual: String?, allowed: String) -> String? {
        guard let actual else { return "no Content-Type" }
        // Compared in place, by ASCII folding: this runs for every answer of every case.
        return allowed.split(separator: "|").contains { ASCIIText.equalIgnoringCase($0, actual) } ? nil : actual
    }
}
