import CLibXML2
import Foundation

/// A compiled XSD; libxml2 allows one parsed schema to serve many validations, each with its own context.
final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    let name: String

    init(xsd: [UInt8], name: String) throws {
        guard !xsd.isEmpty else { throw XMLDocument.ParseError.notWellFormed("schema \(name) is empty") }
        LibXML.prepare()
        self.name = name
        let collector = XMLErrorCollector()
        let parsed: xmlSchemaPtr? = withExtendedLifetime(collector) {
            xsd.withUnsafeBufferPointer { buffer -> xmlSchemaPtr? in
                guard let address = buffer.baseAddress else { return nil }
                return address.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(context) }
                    xmlSchemaSetParserStructuredErrors(context, collectorCallback, collector.pointer)
                    return xmlSchemaParse(context)
                }
            }
        }
        guard let parsed else {
            throw XMLDocument.ParseError.notWellFormed("schema \(name) does not compile: \(collector.summary)")
        }
        pointer = parsed
    }

    deinit { xmlSchemaFree(pointer) }
}
