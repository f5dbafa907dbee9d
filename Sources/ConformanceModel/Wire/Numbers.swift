/// Numbers in messages as the documents write them: `42`, not `42.0`; `0.5` as is.
public enum Numbers {
    public static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 9.2e18 ? String(Int64(value)) : String(value)
    }
}
