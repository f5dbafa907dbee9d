import Foundation

/// The defects that change only an answer's wire form, applied to the finished answer in this one place, as the
/// variations are: the handlers stay the faithful answer.
struct WireDefects: Sendable {
    let chosen: Set<Defect>

    func apply(to reply: Reply, api: String?) -> Reply {
        var reply = reply
        if chosen.contains(.oracleStatusGivenTwice), api == "oracle", reply.status == 200,
            case .object(let members)? = JSONTree.parse(reply.body),
            members.contains(where: { $0.key == "\"status\"" && $0.value.isScalar("\"FAILED\"") })
        {
            reply.body = Array(
                JSONTree.object(members + [("\"status\"", .scalar("\"SUCCEEDED\""))]).rendered(pretty: false).utf8)
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
}
