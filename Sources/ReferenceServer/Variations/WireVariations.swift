import ConformanceModel
import Foundation

/// Applies the chosen variations to a finished answer, in this one place: each handler stays the faithful answer,
/// and a variation only changes its wire form.
struct WireVariations: Sendable {
    let chosen: Set<Variation>

    /// How late every answer of `slow-answers` comes.
    static let slowness = Duration.milliseconds(50)

    func apply(to reply: Reply, api: String?, request: WireRequest) -> Reply {
        guard !chosen.isEmpty else { return reply }
        var reply = replaced(reply, api: api, request: request)
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
        if chosen.contains(.slowAnswers) { reply.delay = max(reply.delay ?? .zero, Self.slowness) }
        return reply
    }

    /// Answers a front end gives instead of the API's own, without a protocol error code.
    private func replaced(_ reply: Reply, api: String?, request: WireRequest) -> Reply {
        let parts = request.segments
        if chosen.contains(.plainRefusals), api == "centurylink", parts.count == 4, parts[1] == "Queue",
            WireFormat(suffix: parts[3]) == nil
        {
            return Reply(status: 404, headers: [("Content-Type", "text/plain")], body: Array("Not Found\n".utf8))
        }
        if chosen.contains(.codelessNotFound), api == "codecatalyst", reply.status == 404, parts.count == 7 {
            let defaults = ReferenceFixtures.tables["codecatalyst"]?.defaults ?? [:]
            let named = (WireRequest.decodeSegment(parts[2]), WireRequest.decodeSegment(parts[4]))
            if named.0 != defaults["spaceName"] || named.1 != defaults["projectName"] {
                return Reply.json(404, ["message": "Not Found"])
            }
        }
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
        if chosen.contains(.dotNetDates), api == "centurylink" {
            tree = tree.mappingScalars {
                $0.replacingOccurrences(of: #"Date\((-?[0-9]+)\)"#, with: "Date($1-0700)", options: .regularExpression)
            }
        }
        if chosen.contains(.nullOptionalMembers), reply.status == 200, let (container, names) = Self.optional[api ?? ""]
        {
            tree = tree.adding(nulls: names, inside: container)
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

    /// Per API, the object that holds optional members (nil: the top level) and their names.
    private static let optional: [String: (String?, [String])] = [
        "cloudcontrol": ("ProgressEvent", ["ErrorCode", "StatusMessage", "RetryAfter", "ResourceModel", "Identifier"]),
        "codecatalyst": (nil, ["endTime", "statusReasons"]),
        "oracle": (nil, ["timeStarted", "timeFinished", "errors", "resources"]),
        "centurylink": ("RequestDetails", ["ProgressDesc", "RequestTitle", "StepNumber"]),
    ]

    private func xml(_ text: String, api: String?) -> String {
        var text = text
        if chosen.contains(.protocolErrorNames), api == "cloudcontrol" {
            text = text.replacingOccurrences(
                of: "<Code>ValidationException</Code>", with: "<Code>ValidationError</Code>")
        }
        if chosen.contains(.queryNamespaces), api == "cloudcontrol" {
            text = text.replacingOccurrences(
                of: "<GetResourceRequestStatusResponse>",
                with:
                    "<GetResourceRequestStatusResponse xmlns=\"http://cloudcontrolapi.amazonaws.com/doc/2021-09-30/\">")
            text = text.replacingOccurrences(
                of: "<ErrorResponse>",
                with: "<ErrorResponse xmlns=\"http://webservices.amazon.com/AWSFault/2005-15-09\">")
        }
        if chosen.contains(.undocumentedStates), api == "s3control" {
            text = text.replacingOccurrences(
                of: "<RequestStatus>(NEW|IN_PROGRESS)</RequestStatus>",
                with: "<RequestStatus>INPROGRESS</RequestStatus>",
                options: .regularExpression)
        }
        if chosen.contains(.catalogueCodes), api == "s3control" {
            text = text.replacingOccurrences(of: "<Code>InvalidRequest</Code>", with: "<Code>InvalidArgument</Code>")
        }
        if chosen.contains(.paddedIntegers), api == "centurylink" {
            text = text.replacingOccurrences(
                of: #"(RequestID|PercentComplete|StepNumber|StatusCode)="(-?[0-9]+)""#, with: "$1=\" $2 \"",
                options: .regularExpression)
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
