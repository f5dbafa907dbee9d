import SigV4

/// A path template such as `/v1/spaces/{spaceName}/workflowRuns/{id}`, read once into its literal pieces and
/// placeholders: every request of a format fills the same template.
struct PathTemplate: Sendable {
    private enum Piece: Sendable {
        case literal(String)
        /// `{name}`, or `{name+}` (greedy: the value keeps its slashes, each segment encoded on its own).
        case placeholder(name: String, greedy: Bool)
    }

    private let pieces: [Piece]

    /// Braces that do not close are kept as literal text.
    init(_ template: String) {
        // In UTF-8 bytes: templates are ASCII around their placeholders.
        let bytes = Array(template.utf8)
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            else {
                literal.append(bytes[index])
                index += 1
                continue
            }
            if !literal.isEmpty { pieces.append(.literal(String(decoding: literal, as: UTF8.self))) }
            literal = []
            var name = bytes[(index + 1)..<close]
            let greedy = name.last == UInt8(ascii: "+")
            if greedy { name = name.dropLast() }
            pieces.append(.placeholder(name: String(decoding: name, as: UTF8.self), greedy: greedy))
            index = close + 1
        }
        if !literal.isEmpty { pieces.append(.literal(String(decoding: literal, as: UTF8.self))) }
        self.pieces = pieces
    }

    /// The path with each placeholder of `values` percent-encoded into one segment (a greedy one segment by
    /// segment, its slashes kept); a placeholder without a value is left as it is written.
    func filled(with values: [String: String]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text):
                out += text
            case .placeholder(let name, let greedy):
                guard let value = values[name] else {
                    out += greedy ? "{\(name)+}" : "{\(name)}"
                    continue
                }
                out +=
                    greedy
                    ? value.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                        .map { SigV4.encode(String(Substring($0))) }.joined(separator: "/")
                    : SigV4.encode(value)
            }
        }
        return out
    }
}
