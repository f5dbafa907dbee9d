import ConformanceModel

/// Media-type comparison that ignores parameters and case; `allowed` lists alternatives with `|`.
enum MediaType {
    /// Nil when `actual` (already without parameters) is allowed; otherwise how to describe it.
    static func mismatch(_ actual: String?, allowed: String) -> String? {
        guard let actual else { return "no Content-Type" }
        // Compared in UTF-8 and by ASCII folding: this runs for every answer of every case.
        let allowedHere = allowed.utf8.split(separator: UInt8(ascii: "|")).contains {
            ASCIIText.equalIgnoringCase(Substring($0), actual)
        }
        return allowedHere ? nil : actual
    }
}
