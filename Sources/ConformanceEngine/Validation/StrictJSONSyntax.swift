/// RFC 8259 syntax, checked before Foundation parses the values: Foundation on this toolchain accepts trailing
/// commas (`{"a":1,}`), which is the very mistake in one of the seed documents, so it cannot be the judge of syntax.
/// Nesting is bounded, so a hostile document cannot exhaust the stack.
struct StrictJSONSyntax {
    static let maxDepth = 512

    struct Violation: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var index = 0

    /// Nil when `bytes` is one JSON text.
    static func violation(in bytes: [UInt8]) -> Violation? {
        var scanner = StrictJSONSyntax(bytes: bytes)
        do {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.index != bytes.count { throw Violation(offset: scanner.index, reason: "unexpected text after the document") }
            return nil
        } catch let violation as Violation {
            return violation
        } catch {
            return Violation(offset: scanner.index, reason: "\(error)")
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ reason: String) -> Violation { Violation(offset: index, reason: reason) }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ literal: String) throws {
        for byte in literal.utf8 {
            guard current == byte else { throw fail("expected '\(literal)'") }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws {
        guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth)") }
        switch current {
        case UInt8(ascii: "{")?: try container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
        case UInt8(ascii: "[")?: try container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
        case UInt8(ascii: "\"")?: try string()
        case UInt8(ascii: "t")?: try expect("true")
        case UInt8(ascii: "f")?: try expect("false")
        case UInt8(ascii: "n")?: try expect("null")
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte): try number()
        case nil: throw fail("unexpected end of document")
        default: throw fail("unexpected character")
        }
    }

    private mutating func container(close: UInt8, depth: Int, keyed: Bool) throws {
        index += 1
        skipSpace()
        if current == close { index += 1; return }
        while true {
            if keyed {
                guard current == UInt8(ascii: "\"") else { throw fail(current == close ? "trailing comma" : "expected a member name") }
                try string()
                skipSpace()
                try expect(":")
                skipSpace()
            } else if current == close {
                throw fail("trailing comma")
            }
            try value(depth: depth + 1)
            skipSpace()
            if current == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
            if current == close { index += 1; return }
            throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
    }

    private mutating func string() throws {
        index += 1
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""): index += 1; return
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = current else { throw fail("unterminated escape") }
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        index += 1
                        guard let hex = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(hex)
                            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(hex) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(hex)
                        else { throw fail("bad \\u escape") }
                    }
                } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                    throw fail("bad escape")
                }
                index += 1
            case 0x00..<0x20: throw fail("control character in a string")
            default: index += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func number() throws {
        func digits() -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw fail("expected a digit") }
        if current == UInt8(ascii: ".") { index += 1; if digits() == 0 { throw fail("expected a digit after '.'") } }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw fail("expected an exponent") }
        }
    }
}
