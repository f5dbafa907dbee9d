/// Numbers as reports write them, each form in one place.
public enum Numbers {
    /// Seconds with three decimals, never NaN, negative or an exponent (junit-10.xsd's SUREFIRE_TIME requires it;
    /// transcripts use the same form). Beyond 10¹² s is no duration a run measures: it reads as zero.
    public static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < 1e12 else { return "0.000" }
        let thousandths = Int64((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A number in a message as the documents write it: `42`, not `42.0`; `0.5` as is.
    public static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 9.2e18 ? String(Int64(value)) : String(value)
    }
}
