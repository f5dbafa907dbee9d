/// The white space XML (`S`) and JSON (RFC 8259 `ws`) both allow around a value: space, tab, line feed, carriage
/// return, and nothing else (a no-break space is content to both).
enum WhiteSpace {
    static func contains(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
