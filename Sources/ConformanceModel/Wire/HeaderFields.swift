/// HTTP header lookup as every client does it: field names compared without regard to case (RFC 9110 §5.1).
extension Array where Element == (name: String, value: String) {
    /// The first value of the field `name`, or nil.
    public func value(of name: String) -> String? {
        first { ASCIIText.equalIgnoringCase($0.name, name) }?.value
    }
}

/// Comparison of ASCII tokens (header names, media types, SigV4's lower-cased names) byte by byte with ASCII case
/// folding: Foundation's case-insensitive comparison goes through CFString and was a measurable share of the suite's
/// time per case.
public enum ASCIIText {
    /// Inlinable so that callers in other modules get it specialized (a generic call per header costs more than
    /// the comparison).
    @inlinable
    public static func equalIgnoringCase(_ left: some StringProtocol, _ right: some StringProtocol) -> Bool {
        left.utf8.count == right.utf8.count && zip(left.utf8, right.utf8).allSatisfy { fold($0) == fold($1) }
    }

    @usableFromInline
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
