/// HTTP header lookup as every client does it: field names compared without regard to case (RFC 9110 §5.1).
extension Array where Element == (name: String, value: String) {
    /// The first value of the field `name`, or nil.
    public func value(of name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
