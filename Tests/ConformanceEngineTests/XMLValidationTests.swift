import ConformanceModel
import Foundation
import TestFixtures
import Testing

@testable import ConformanceEngine

@Suite("XML through libxml2")
struct XMLValidationTests {
    @Test("a well-formed document is read with namespaces and attributes")
    func wellFormed() throws {
        let document = try XMLDocument(bytes: Array("<a xmlns='urn:x'><b c='1'>two</b></a>".utf8))
        #expect(document.root.name == "a" && document.root.namespace == "urn:x")
        #expect(try document.values("/ns:a/ns:b", namespace: "urn:x") == ["two"])
        #expect(try document.values("/ns:a/ns:b/@c", namespace: "urn:x") == ["1"])
        #expect(try document.values("count(/ns:a/ns:b)", namespace: "urn:x") == ["1.0"])
    }

    @Test(
        "malformed documents are refused with libxml2's message",
        arguments: [
            "<a><b></a>", "", "<a>", "not xml at all", "<a>&undefined;</a>",
        ])
    func malformed(_ text: String) {
        #expect(throws: XMLDocument.ParseError.self) { try XMLDocument(bytes: Array(text.utf8)) }
    }

    @Test("an external entity is never resolved: no file content leaks into the document")
    func externalEntity() {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """
        if let document = try? XMLDocument(bytes: Array(xxe.utf8)) {
            let text = (try? document.values("/r", namespace: nil)) ?? []
            #expect(!text.joined().contains("root:"))
        }
    }

    @Test("billion laughs is stopped quickly, with the repeated message collapsed")
    func billionLaughs() {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE lolz [", "<!ENTITY lol \"lol\">"]
        for level in 1...9 {
            lines.append(
                "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10))\">"
            )
        }
        lines.append("]><lolz>&lol9;</lolz>")
        let start = ContinuousClock.now
        do {
            _ = try XMLDocument(bytes: Array(lines.joined(separator: "\n").utf8))
            Issue.record("billion laughs was accepted")
        } catch {
            #expect("\(error)".contains("entity reference loop"))
            #expect("\(error)".count < 400)
        }
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("deep nesting is refused instead of exhausting the stack")
    func deepNesting() {
        let depth = 20_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(throws: XMLDocument.ParseError.self) { try XMLDocument(bytes: Array(text.utf8)) }
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        let bytes: [UInt8] =
            Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>".utf8) + [0xC3, 0x28, 0xFF] + Array("</a>".utf8)
        #expect(throws: XMLDocument.ParseError.self) { try XMLDocument(bytes: bytes) }
    }

    @Test("a bad XPath expression is an error with libxml2's reason, every time it is asked, not a trap")
    func badXPath() throws {
        let document = try XMLDocument(bytes: Array("<a/>".utf8))
        for _ in 0..<2 {
            #expect(throws: XMLDocument.ParseError.self) { try document.values("/a[", namespace: nil) }
        }
        do {
            _ = try document.values("/a[", namespace: nil)
        } catch {
            #expect("\(error)".contains("could not be evaluated") && !"\(error)".hasSuffix("invalid expression"))
        }
    }

    @Test("a compiled expression serves many documents at once, each with its own namespace and values")
    func sharedExpressions() async throws {
        let results = await withTaskGroup(of: (Int, [String]?).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let namespace = "urn:n\(index % 3)"
                    let text = "<a xmlns='\(namespace)'><b>\(index)</b><b>x</b></a>"
                    let document = try? XMLDocument(bytes: Array(text.utf8))
                    return (index, try? document?.values("/ns:a/ns:b[1]", namespace: namespace))
                }
            }
            var all: [(Int, [String]?)] = []
            for await item in group { all.append(item) }
            return all
        }
        #expect(results.count == 200)
        for (index, values) in results { #expect(values == ["\(index)"]) }
        let other = try XMLDocument(bytes: Array("<a xmlns='urn:n1'><b>1</b></a>".utf8))
        #expect(try other.values("/ns:a/ns:b[1]", namespace: "urn:n0").isEmpty)
    }

    @Test("XSD validation reports the offending element")
    func schemaValidation() throws {
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"><xs:complexType><xs:sequence>
            <xs:element name="n" type="xs:int"/></xs:sequence></xs:complexType></xs:element></xs:schema>
            """
        let schema = try XMLSchema(xsd: Array(xsd.utf8), name: "test.xsd")
        #expect(try XMLDocument(bytes: Array("<a><n>5</n></a>".utf8)).violations(of: schema).isEmpty)
        let violations = try XMLDocument(bytes: Array("<a><n>five</n></a>".utf8)).violations(of: schema)
        #expect(violations.contains { $0.contains("five") })
    }

    @Test("concurrent parses keep their errors apart")
    func concurrentErrors() async {
        let messages = await withTaskGroup(of: (Int, String).self) { group in
            for index in 0..<100 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? "<ok\(index)/>" : "<bad\(index)></wrong\(index)>"
                    do {
                        _ = try XMLDocument(bytes: Array(text.utf8))
                        return (index, "")
                    } catch { return (index, "\(error)") }
                }
            }
            var all: [(Int, String)] = []
            for await item in group { all.append(item) }
            return all
        }
        for (index, message) in messages {
            if index.isMultiple(of: 2) {
                #expect(message.isEmpty)
            } else {
                #expect(message.contains("bad\(index)") && !message.contains("bad\(index + 2)"))
            }
        }
    }

    @Test("every XSD a profile names compiles, read from beside the profile")
    func shippedSchemas() throws {
        let store = SchemaStore()
        let named = Fixtures.profiles.flatMap { profile in profile.responses.compactMap(\.schema).map { (profile, $0) }
        }
        #expect(named.count == 3)
        for (profile, name) in named {
            #expect((try? store.schema(name, of: profile).schema.get()) != nil, "\(profile.api): \(name)")
        }
    }
}

@Suite("An answer is parsed once")
struct ParsedAnswerTests {
    @Test("every check of a case reads the same parsed document, and a parse error is kept, not retried")
    func parsedOnce() throws {
        let parsed = ParsedAnswer(Fixtures.answer(contentType: "text/xml", body: "<a xmlns='urn:x'><b>1</b></a>"))
        guard case .xml(let first, _) = try parsed.document(.xml, namespace: "urn:x"),
            case .xml(let second, _) = try parsed.document(.xml, namespace: nil)
        else {
            Issue.record("not read as XML")
            return
        }
        #expect(first === second)
        #expect(throws: (any Error).self) { try parsed.document(.json, namespace: nil) }
        #expect(throws: (any Error).self) { try parsed.document(.json, namespace: nil) }
    }
}
