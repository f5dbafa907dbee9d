/// Reads a JSON text that `StrictJSONSyntax` has already accepted into a `JSONValue`; it still refuses what it cannot
/// represent (a number beyond a Double, a lone surrogate escape) rather than guess.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws -> JSONValue {
        let value = try self.value()
        skipSpace()
        guard index == bytes.count else { throw JSONValue.InvalidJSON(detail: "unexpected text after the value at byte \(index)") }
        return value
    }

    private mutating func value() throws -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw failure("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if consume(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                let key = try string()
                skipSpace()
                guard consume(UInt8(ascii: ":")) else { throw failure("':'") }
                members[key] = try value()
                skipSpace()
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { throw failure("'}'") }
            return .object(members)
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if consume(UInt8(ascii: "]")) { return .array(items) }
            repeat { items.append(try value()); skipSpace() } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "]")) else { throw failure("']'") }
            return .array(items)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func number() throws -> JSONValue {
        let start = index
        var integral = true
        while index < bytes.count, let byte = Optional(bytes[index]),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { integral = false }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else { throw JSONValue.InvalidJSON(detail: "the number \(text) is out of range") }
        if value == value.rounded(), abs(value) < 9.2e18 { return .integer(Int64(value)) }
        return .number(value)
    }

    private mutating func string() throws -> String {
        guard consume(UInt8(ascii: "\"")) else { throw failure("a string") }
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) throws {
            guard let text = String(validating: bytes[run..<end], as: UTF8.self) else { throw failure("UTF-8 text (RFC 8259 §8.1)") }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flush(index)
                index += 1
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else { index += 1; continue }
            try flush(index)
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else { throw failure("the low half of a surrogate pair") }
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("the low half of a surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("a Unicode scalar, not a lone surrogate") }
                scalars.append(scalar)
            default: scalars.append(Unicode.Scalar(escape))
            }
            run = index
        }
        throw failure("the end of the string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            throw failure("four hex digits")
        }
        index += 4
        return value
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else { throw failure(word) }
        index += expected.count
        return value
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func failure(_ expected: String) -> JSONValue.InvalidJSON {
        JSONValue.InvalidJSON(detail: "expected \(expected) at byte \(index)")
    }
}
