/// RFC 8259 JSON, checked and read in one pass. Foundation on this toolchain accepts trailing commas (`{"a":1,}`),
/// which is the very mistake in one of the seed documents, so it cannot be the judge of syntax; and decoding through
/// `Codable` was a quarter of a JSON answer's validation time. Nesting is bounded, so a hostile document cannot exhaust
/// the stack. A number is an integer when its value is integral and fits in 64 bits, as `JSONDecoder` reads `100`,
/// `100.0` and `1e2` alike; what a `JSONValue` cannot hold (a number beyond a Double, a lone surrogate, bytes that are
/// not UTF-8) is refused rather than guessed. A member name given twice with different values is kept as the last
/// one (as Python's `json`, hence botocore, reads it) and reported as the document's `conflict`.
struct StrictJSONSyntax {
    static let maxDepth = 512

    struct Violation: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    /// The first member name an object gives twice with different values: RFC 8259 leaves which one counts to the
    /// reader, and readers disagree.
    struct Conflict: Sendable, Equatable, CustomStringConvertible {
        let name: String
        let first: JSONValue
        let second: JSONValue
        var description: String {
            "member '\(name)' is given twice, as \(first.shown) and as \(second.shown) (RFC 8259 §4: readers disagree on which one counts)"
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var conflict: Conflict?

    /// The value of `bytes`, which must be one JSON text, and the first conflicting repeated member if any.
    static func parse(_ bytes: [UInt8]) throws(Violation) -> (value: JSONValue, conflict: Conflict?) {
        var scanner = StrictJSONSyntax(bytes: bytes)
        scanner.skipSpace()
        let value = try scanner.value(depth: 0)
        scanner.skipSpace()
        if scanner.index != bytes.count {
            throw Violation(offset: scanner.index, reason: "unexpected text after the document")
        }
        return (value, scanner.conflict)
    }

    /// Nil when `bytes` is one JSON text.
    static func violation(in bytes: [UInt8]) -> Violation? {
        do {
            _ = try parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ reason: String) -> Violation { Violation(offset: index, reason: reason) }

    private mutating func skipSpace() {
        while let byte = current, WhiteSpace.contains(byte) { index += 1 }
    }

    private mutating func expect(_ literal: String) throws(Violation) {
        for byte in literal.utf8 {
            guard current == byte else { throw fail("expected '\(literal)'") }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(Violation) -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth)") }
        switch current {
        case UInt8(ascii: "{")?:
            var members: [String: JSONValue] = [:]
            try container(close: UInt8(ascii: "}"), depth: depth) {
                (scanner: inout StrictJSONSyntax) throws(Violation) in
                guard scanner.current == UInt8(ascii: "\"") else {
                    throw scanner.fail(
                        scanner.current == UInt8(ascii: "}") ? "trailing comma" : "expected a member name")
                }
                let name = try scanner.string()
                scanner.skipSpace()
                try scanner.expect(":")
                scanner.skipSpace()
                let member = try scanner.value(depth: depth + 1)
                if scanner.conflict == nil, let earlier = members[name], earlier != member {
                    scanner.conflict = Conflict(name: name, first: earlier, second: member)
                }
                members[name] = member
            }
            return .object(members)
        case UInt8(ascii: "[")?:
            var items: [JSONValue] = []
            try container(close: UInt8(ascii: "]"), depth: depth) {
                (scanner: inout StrictJSONSyntax) throws(Violation) in
                if scanner.current == UInt8(ascii: "]") { throw scanner.fail("trailing comma") }
                items.append(try scanner.value(depth: depth + 1))
            }
            return .array(items)
        case UInt8(ascii: "\"")?: return .string(try string())
        case UInt8(ascii: "t")?:
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f")?:
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n")?:
            try expect("null")
            return .null
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return try number()
        case nil: throw fail("unexpected end of document")
        default: throw fail("unexpected character")
        }
    }

    /// `open element (, element)* close`, each element read by `element`.
    private mutating func container(
        close: UInt8, depth: Int,
        element: (inout StrictJSONSyntax) throws(Violation) -> Void
    ) throws(Violation) {
        index += 1
        skipSpace()
        if current == close {
            index += 1
            return
        }
        while true {
            try element(&self)
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            if current == close {
                index += 1
                return
            }
            throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
    }

    private mutating func string() throws(Violation) -> String {
        index += 1
        // Most strings have no escape: read them whole, without building them a scalar at a time.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let start = index
            index = end
            guard let text = String(validating: bytes[start..<end], as: UTF8.self) else {
                throw fail("bytes that are not UTF-8")
            }
            index += 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) throws(Violation) {
            guard let text = String(validating: bytes[run..<end], as: UTF8.self) else {
                throw fail("bytes that are not UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                try flush(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(index)
                index += 1
                guard let escaped = current else { throw fail("unterminated escape") }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default:
                    index -= 1
                    throw fail("bad escape")
                }
                run = index
            case 0x00..<0x20: throw fail("control character in a string")
            default: index += 1
            }
        }
        throw fail("unterminated string")
    }

    /// The scalar of `\uXXXX` (the `\u` already read), a surrogate pair taken whole.
    private mutating func unicodeEscape() throws(Violation) -> Unicode.Scalar {
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw fail("a lone surrogate escape")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate escape") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw fail("a lone surrogate escape") }
        return scalar
    }

    private mutating func hex4() throws(Violation) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw fail("bad \\u escape") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("bad \\u escape")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    private mutating func number() throws(Violation) -> JSONValue {
        let start = index
        var integral = true
        func digits() -> Int {
            let first = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - first
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw fail("expected a digit") }
        if current == UInt8(ascii: ".") {
            integral = false
            index += 1
            if digits() == 0 { throw fail("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            integral = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw fail("expected an exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else {
            throw Violation(offset: start, reason: "a number beyond a Double")
        }
        if value == value.rounded(), abs(value) < 9.2e18 { return .integer(Int64(value)) }
        return .number(value)
    }
}
