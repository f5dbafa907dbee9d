import ConformanceModel
import Foundation

/// Applies the chosen variations to a finished answer, in this one place: each handler stays the faithful answer,
/// and a variation only changes its wire form. The answering API's own differences come first (its handler's
/// `vary`), then the ones every API shares.
struct WireVariations: Sendable {
    let chosen: Set<Variation>

    /// How late every answer of `slow-answers` comes.
    static let slowness = Duration.milliseconds(50)

    func apply(to reply: Reply, handler: (any APIHandler)?, request: WireRequest) -> Reply {
        guard !chosen.isEmpty else { return reply }
        var reply = reply
        handler?.vary(&reply, by: chosen, request: request)
        let mediaType = reply.headers.first { $0.0.lowercased() == "content-type" }?.1.lowercased() ?? ""
        if mediaType.contains("json"), var tree = JSONTree.parse(reply.body) {
            handler?.vary(&tree, &reply, by: chosen)
            tree = shared(tree, reply: reply, optional: handler?.optionalMembers)
            reply.body = Array(tree.rendered(pretty: chosen.contains(.prettyPrinted)).utf8)
        } else if mediaType.contains("xml") {
            var text = String(decoding: reply.body, as: UTF8.self)
            handler?.vary(xml: &text, by: chosen)
            reply.body = Array(shared(xml: text).utf8)
        }
        if chosen.contains(.lowercaseHeaderNames) { reply.headers = reply.headers.map { ($0.0.lowercased(), $0.1) } }
        if chosen.contains(.slowAnswers) { reply.delay = max(reply.delay ?? .zero, Self.slowness) }
        return reply
    }

    private func shared(_ tree: JSONTree, reply: Reply, optional: (container: String?, names: [String])?) -> JSONTree {
        var tree = tree
        if chosen.contains(.nullOptionalMembers), reply.status == 200, let optional {
            tree = tree.adding(nulls: optional.names, inside: optional.container)
        }
        if chosen.contains(.unknownMembers) {
            tree = tree.mappingObjects {
                $0 + [("\"conformanceUnknownMember\"", .scalar("{\"note\":\"clients ignore this\"}"))]
            }
        }
        if chosen.contains(.reorderedMembers) { tree = tree.mappingObjects { $0.reversed() } }
        return tree
    }

    private func shared(xml text: String) -> String {
        var text = text
        if chosen.contains(.unknownMembers) {
            text = text.replacingOccurrences(
                of: #"<([A-Za-z_][\w.:-]*)"#, with: "<$1 conformanceUnknown=\"1\"", options: .regularExpression)
            // An unknown child wherever an element's content starts with another element.
            text = text.replacingOccurrences(
                of: #"(<[A-Za-z_][^<>]*[^/<>]>)(\s*<[A-Za-z_])"#,
                with: "$1<ConformanceUnknown>clients ignore this</ConformanceUnknown>$2", options: .regularExpression)
        }
        if chosen.contains(.prettyPrinted) {
            // Line breaks only between tags, never inside a value: before a start tag, and before an end tag that
            // follows another end tag.
            text = text.replacingOccurrences(of: #">(<[A-Za-z_])"#, with: ">\n  $1", options: .regularExpression)
            text = text.replacingOccurrences(of: #"(</[^<>]+>|/>)(</)"#, with: "$1\n$2", options: .regularExpression)
        }
        return text
    }
}
