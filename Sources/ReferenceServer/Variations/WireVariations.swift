import Foundation

/// Applies the chosen variations to a finished answer, in this one place: each handler stays the faithful answer,
/// and a variation only changes its wire form.
struct WireVariations: Sendable {
    let chosen: Set<Variation>

    func apply(to reply: Reply, api: String?) -> Reply {
        guard !chosen.isEmpty else { return reply }
        var reply = reply
        let mediaType = reply.headers.first { $0.0.lowercased() == "content-type" }?.1.lowercased() ?? ""
        if mediaType.contains("json"), var tree = JSONTree.parse(reply.body) {
            tree = json(tree, api: api, reply: &reply)
            reply.body = Array(tree.rendered(pretty: chosen.contains(.prettyPrinted)).utf8)
        } else if mediaType.contains("xml") {
            reply.body = Array(xml(String(decoding: reply.body, as: UTF8.self), api: api).utf8)
        }
        if chosen.contains(.exampleForms), api == "codecatalyst", mediaType == "application/json" {
            reply = reply.with(header: "Content-Type", "application/json; charset=utf-8")
        }
        if chosen.contains(.lowercaseHeaderNames) { reply.headers = reply.headers.map { ($0.0.lowercased(), $0.1) } }
        return reply
    }

    private func json(_ tree: JSONTree, api: String?, reply: inout Reply) -> JSONTree {
        var tree = tree
        if chosen.contains(.protocolErrorNames), api == "cloudcontrol" {
            tree = tree.mappingObjects { members in
                members.map { member in
                    guard member.key == "\"__type\"", case .scalar(let text) = member.value else { return member }
                    for (query, json) in Self.awsJsonNames where text.hasSuffix("#\(query)\"") {
                        reply.status = 403
                        return (member.key, .scalar(text.replacingOccurrences(of: "#\(query)\"", with: "#\(json)\"")))
                    }
                    return member
                }
            }
        }
        if chosen.contains(.exampleForms), api == "oracle" {
            // Oracle's Example 2: `"2022-07-06T20:25:11.0+0000"` and a top-level resourceType.
            tree = tree.mappingScalars { text in
                guard text.hasPrefix("\""), text.hasSuffix("Z\""), text.count > 22, text.contains("T") else {
                    return text
                }
                return String(text.dropLast(2)) + "+0000\""
            }
            if case .object(let members) = tree, members.contains(where: { $0.key == "\"operationType\"" }) {
                tree = .object(members + [("\"resourceType\"", .scalar("\"SNAPSHOT\""))])
            }
        }
        if chosen.contains(.unknownMembers) {
            tree = tree.mappingObjects {
                $0 + [("\"conformanceUnknownMember\"", .scalar("{\"note\":\"clients ignore this\"}"))]
            }
        }
        if chosen.contains(.reorderedMembers) { tree = tree.mappingObjects { $0.reversed() } }
        return tree
    }

    /// The query protocol's names (what the server answers) and the awsJson names AWS's JSON endpoints use.
    private static let awsJsonNames = [
        ("MissingAuthenticationToken", "MissingAuthenticationTokenException"),
        ("IncompleteSignature", "IncompleteSignatureException"),
        ("InvalidClientTokenId", "UnrecognizedClientException"),
    ]

    private func xml(_ text: String, api: String?) -> String {
        var text = text
        if chosen.contains(.protocolErrorNames), api == "cloudcontrol" {
            text = text.replacingOccurrences(
                of: "<Code>ValidationException</Code>", with: "<Code>ValidationError</Code>")
        }
        if chosen.contains(.exampleForms), api == "centurylink" {
            text = text.replacingOccurrences(
                of: #"StatusDate="([^"Z]+)""#, with: "StatusDate=\"$1Z\"", options: .regularExpression)
        }
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
