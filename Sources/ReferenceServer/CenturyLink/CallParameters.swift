import ConformanceModel
import Foundation

extension WireFormat {
    /// A v1 call names its format by its path suffix (`/XML`, `/JSON`), in any case.
    init?(suffix: String) {
        self.init(rawValue: suffix.lowercased())
    }
}

/// A v1 call's parameters. The v1 API read them from the body, written in the call's format, or from the query string
/// when the body is empty — the CenturyLink SDK sends them that way (`POST …/JSON?RequestID=50`, no body).
struct CallParameters {
    let values: [String: String]
    /// The format the parameters were written in; nil when they came from the query string.
    let writtenIn: WireFormat?
    /// The parameters a JSON body wrote as strings (`{"RequestID":"50"}`, as the seed's example does).
    var writtenAsStrings: Set<String> = []

    subscript(_ name: String) -> String? { values[name] }

    /// Nil when a body is present but does not parse in `form`; `root`, when given, must name the XML document.
    static func read(_ request: WireRequest, form: WireFormat, root: String? = nil) -> CallParameters? {
        if request.body.allSatisfy(isSpace) {
            var values: [String: String] = [:]
            for item in request.query where values[item.name] == nil { values[item.name] = item.value }
            return CallParameters(values: values, writtenIn: nil)
        }
        switch form {
        case .json:
            guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
                return nil
            }
            var values: [String: String] = [:]
            var strings: Set<String> = []
            for (name, value) in object {
                if let text = value as? String {
                    values[name] = text
                    strings.insert(name)
                } else if let number = value as? NSNumber {
                    values[name] = number.stringValue
                }
            }
            return CallParameters(values: values, writtenIn: .json, writtenAsStrings: strings)
        case .xml:
            guard let document = FlatXMLReader.read(request.body), root == nil || document.root == root else {
                return nil
            }
            // The request's one field is an Int, and an XML integer's value has no white space around it.
            return CallParameters(
                values: document.fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                writtenIn: .xml)
        }
    }

    /// The format a log-on body is written in, read from the body itself since the SDKs call `/Auth/Logon` without a
    /// suffix: `<` opens XML, anything else is taken for JSON.
    static func sniff(_ body: [UInt8]) -> WireFormat {
        body.first { !isSpace($0) } == UInt8(ascii: "<") ? .xml : .json
    }

    /// JSON's and XML's white space alike.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
