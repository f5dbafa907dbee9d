import Foundation
import Synchronization

/// The defects that change only an answer's wire form, applied to the finished answer in this one place, as the
/// variations are: the handlers stay the faithful answer.
final class WireDefects: Sendable {
    let chosen: Set<Defect>
    /// Whether the one wrong answer of `codecatalyst.in-progress-wrong-once` was given.
    private let wrongOnce = Mutex(false)

    init(chosen: Set<Defect>) { self.chosen = chosen }

    func apply(to reply: Reply, api: String?, request: WireRequest) -> Reply {
        var reply = reply
        if chosen.contains(.codecatalystAccessDeniedAsNotFound), api == "codecatalyst", reply.status == 403,
            request.header("Authorization") == "Bearer \(ReferenceFixtures.bearerToken)"
        {
            // A valid token without access to the run: hidden as a run that does not exist.
            reply = CodeCatalystAPI.error(404, "ResourceNotFoundException", "The specified resource was not found.")
        }
        if chosen.contains(.codecatalystInProgressWrongOnce), api == "codecatalyst", reply.status == 200 {
            let text = String(decoding: reply.body, as: UTF8.self)
            if text.contains("\"status\":\"IN_PROGRESS\""),
                wrongOnce.withLock({ given in
                    defer { given = true }
                    return !given
                })
            {
                reply.body = Array(
                    text.replacingOccurrences(of: "\"status\":\"IN_PROGRESS\"", with: "\"status\":\"in_progress\"").utf8
                )
            }
        }
        if chosen.contains(.centurylinkXMLStatusDateLocal), api == "centurylink", reply.status == 200 {
            reply.body = Array(Self.sevenHoursBehind(String(decoding: reply.body, as: UTF8.self)).utf8)
        }
        if chosen.contains(.cloudcontrolInternalFailureAs502), api == "cloudcontrol", reply.status == 500 {
            reply.status = 502
        }
        if chosen.contains(.oracleOmitsOperationType), api == "oracle", reply.status == 200 {
            Self.rewriteMembers(of: &reply) { members in members.filter { $0.key != "\"operationType\"" } }
        }
        if chosen.contains(.oracleResourcesAsStrings), api == "oracle", reply.status == 200 {
            // Each resource object replaced by its resourceType alone: ["SNAPSHOT"].
            Self.rewriteMembers(of: &reply) { members in
                members.map { member in
                    guard member.key == "\"resources\"", case .array(let items) = member.value else { return member }
                    return (member.key, .array(items.map { $0.member("\"resourceType\"") ?? $0 }))
                }
            }
        }
        if chosen.contains(.s3controlNameInCapitals), api == "s3control", reply.status == 200 {
            let text = String(decoding: reply.body, as: UTF8.self)
            reply.body = Array(
                text.replacingOccurrences(of: "<Name>conformance-mrap</Name>", with: "<Name>Conformance-MRAP</Name>")
                    .utf8)
        }
        if chosen.contains(.oracleStatusGivenTwice), api == "oracle", reply.status == 200 {
            Self.rewriteMembers(of: &reply) { members in
                let failed = members.contains { $0.key == "\"status\"" && $0.value.isScalar("\"FAILED\"") }
                return failed ? members + [("\"status\"", .scalar("\"SUCCEEDED\""))] : nil
            }
        }
        if chosen.contains(.s3controlRequestStatusRepeated), api == "s3control", reply.status == 200 {
            let text = String(decoding: reply.body, as: UTF8.self)
            reply.body = Array(
                text.replacingOccurrences(
                    of: "(<RequestStatus>(NEW|IN_PROGRESS)</RequestStatus>)",
                    with: "$1<RequestStatus>SUCCEEDED</RequestStatus>", options: .regularExpression
                ).utf8)
        }
        return reply
    }

    /// The reply's top-level JSON object with its members (keys as written, quotes included) as `change` gives them;
    /// a body that is not a JSON object, or that `change` gives nil for, is left as it is.
    private static func rewriteMembers(
        of reply: inout Reply,
        _ change: ([(key: String, value: JSONTree)]) -> [(key: String, value: JSONTree)]?
    ) {
        guard case .object(let members)? = JSONTree.parse(reply.body), let changed = change(members) else { return }
        reply.body = Array(JSONTree.object(changed).rendered(pretty: false).utf8)
    }

    /// Every XML `StatusDate="…"` moved 7 hours back, as the seed's XML example is against its JSON one: a local time
    /// written as if it were GMT.
    private static func sevenHoursBehind(_ text: String) -> String {
        guard let range = text.range(of: #"StatusDate="[^"]+""#, options: .regularExpression) else { return text }
        let value = text[range].dropFirst("StatusDate=\"".count).dropLast()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS"
        guard let date = formatter.date(from: String(value)) else { return text }
        return text.replacingCharacters(
            in: range, with: "StatusDate=\"\(formatter.string(from: date.addingTimeInterval(-7 * 3600)))\"")
    }
}
