/// Media-type comparison that ignores parameters and case; `allowed` lists alternatives with `|`.
enum MediaType {
    /// Nil when `actual` is allowed; otherwise how to describe it.
    static func mismatch(_ actual: String?, allowed: String) -> String? {
        guard let actual else { return "no Content-Type" }
        return allowed.lowercased().split(separator: "|").contains { $0 == actual } ? nil : actual
    }
}
