import Foundation
import Testing

@testable import ConformanceEngine

/// JSON answers are judged by the suite's strict reader, with Foundation's `JSONDecoder` as the oracle of their values:
/// Foundation on this toolchain accepts a trailing comma (`{"a":1,}`, the very mistake of one seed's example), so it
/// cannot judge syntax, but every document both accept must give the same values, and every document Foundation
/// refuses the strict reader refuses too.
@Suite("JSON: the strict reader agrees with Foundation's JSONDecoder")
struct FoundationJSONTests {
    /// A JSON document as `JSONDecoder` reads it.
    enum Decoded: Decodable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Decoded])
        case object([String: Decoded])

        init(from decoder: any Decoder) throws {
            if var items = try? decoder.unkeyedContainer() {
                var values: [Decoded] = []
                while !items.isAtEnd { values.append(try items.decode(Decoded.self)) }
                self = .array(values)
            } else if let members = try? decoder.container(keyedBy: Key.self) {
                var values: [String: Decoded] = [:]
                for key in members.allKeys { values[key.stringValue] = try members.decode(Decoded.self, forKey: key) }
                self = .object(values)
            } else {
                let value = try decoder.singleValueContainer()
                if value.decodeNil() {
                    self = .null
                } else if let bool = try? value.decode(Bool.self) {
                    self = .bool(bool)
                } else if let number = try? value.decode(Double.self) {
                    self = .number(number)
                } else {
                    self = .string(try value.decode(String.self))
                }
            }
        }

        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        /// The strict reader's value in the same terms: numbers compared as numbers, however they are held.
        init(_ value: JSONValue) {
            switch value {
            case .null: self = .null
            case .bool(let bool): self = .bool(bool)
            case .integer(let number): self = .number(Double(number))
            case .number(let number): self = .number(number)
            case .string(let text): self = .string(text)
            case .array(let items): self = .array(items.map(Decoded.init))
            case .object(let members): self = .object(members.mapValues(Decoded.init))
            }
        }
    }

    static let corpus: [String] = [
        #"{"a":1}"#, #"{"a":1,}"#, "[1,2,]", "[]", "{}", #"{"":""}"#, "0", "-0", "01", "1.", ".5", "1e2", "1E+2",
        "-1.5e-3", "1e400", "NaN", "Infinity", "true", "false", "null", "tru", #""\u00e9""#, #""\ud83d\ude00""#,
        #""\ud800""#, #""a\/b""#, #""tab\there""#, "\"raw\ttab\"", #"'single'"#, #"{"a":1} x"#, #"{"a" 1}"#,
        #"{a:1}"#, "[1 2]", #"{"a":[1,{"b":null}],"c":"d"}"#, "  [ 1 , 2 ]  ", "\u{FEFF}{}", #"{"a":1,"a":2}"#,
        #"{"n":100,"f":100.0,"e":1e2,"big":9223372036854775807}"#, #"{"x":"\u0000"}"#, "[[[[[[[[[[]]]]]]]]]]",
        #"{"status":"SUCCEEDED","percentComplete":100}"#, "\"unterminated", "[\"a\",]", "{,}", "",
    ]

    @Test(
        "the two readers agree: same values where both accept, and Foundation refuses nothing the strict reader takes",
        arguments: corpus)
    func agree(_ text: String) {
        let bytes = Array(text.utf8)
        // As an answer is judged: a member given twice with different values is refused, not guessed.
        let strict = try? JSONValue.parse(bytes)
        let foundation = try? JSONDecoder().decode(Decoded.self, from: Data(bytes))
        switch (strict, foundation) {
        case (let strict?, let foundation?):
            #expect(Decoded(strict) == foundation, "the readers differ on \(text)")
        case (_?, nil):
            Issue.record("the strict reader takes what Foundation refuses: \(text)")
        case (nil, _):
            break
        }
    }

    @Test("where the readers part: Foundation's lenient syntax, and a repeated member each reads its own way")
    func strictIsStricter() throws {
        let lenient = Self.corpus.filter { text in
            let bytes = Array(text.utf8)
            return (try? StrictJSONSyntax.parse(bytes)) == nil
                && (try? JSONDecoder().decode(Decoded.self, from: Data(bytes))) != nil
        }
        #expect(lenient.contains(#"{"a":1,}"#), "Foundation takes the trailing comma of Oracle's Example 2")
        // Readers disagree on a repeated member: Foundation keeps the first value, botocore (Python) the last.
        let repeated = Array(#"{"a":1,"a":2}"#.utf8)
        #expect(try JSONDecoder().decode(Decoded.self, from: Data(repeated)) == .object(["a": .number(1)]))
        #expect(try StrictJSONSyntax.parse(repeated).value == .object(["a": .integer(2)]))
        #expect(throws: JSONValue.AmbiguousJSON.self) { try JSONValue.parse(repeated) }
    }
}
