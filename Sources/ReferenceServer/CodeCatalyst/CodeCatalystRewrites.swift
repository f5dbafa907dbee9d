import Foundation

/// CodeCatalyst's defects that change only its answers (`Defect.spec`).
extension WireRewrite {
    static let codeCatalystConflictWrongCode = WireRewrite { reply in
        guard reply.status == 409 else { return }
        reply = reply.with(header: "x-amzn-ErrorType", "ResourceConflictException")
    }

    /// A run the valid token may not read, hidden as a run that does not exist.
    static let codeCatalystAccessDeniedAsNotFound = WireRewrite { reply in
        guard reply.fixtureRole == "access-denied" else { return }
        reply = CodeCatalystAPI.error(404, "ResourceNotFoundException", "The specified resource was not found.")
    }

    /// The first answer giving a run IN_PROGRESS writes it in lower case; later ones are right.
    static func codeCatalystInProgressWrongOnce() -> WireRewrite {
        .once(
            where: { $0.status == 200 && $0.text.contains(inProgress) },
            { reply in reply.replace(inProgress, with: "\"status\":\"in_progress\"") })
    }

    static let codeCatalystLowercaseInProgress = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.replace(inProgress, with: "\"status\":\"in_progress\"")
    }

    static let codeCatalystOmitsWorkflowIdOnFailure = WireRewrite { reply in
        guard reply.status == 200, reply.member("status") == "\"FAILED\"" else { return }
        reply.rewriteMembers { members in members.filter { $0.key != "\"workflowId\"" } }
    }

    /// endTime written one minute before startTime.
    static let codeCatalystEndBeforeStart = WireRewrite { reply in
        guard reply.status == 200, reply.member("endTime") != nil,
            let start = reply.member("startTime").flatMap(WireTime.readRFC3339)
        else { return }
        reply.rewriteMembers { members in
            members.map { member in
                member.key == "\"endTime\""
                    ? (member.key, .scalar("\"\(WireTime.rfc3339(start.addingTimeInterval(-60)))\"")) : member
            }
        }
    }

    /// Times written with a +02:00 offset, not in UTC.
    static let codeCatalystLocalTimeOffset = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.rewriteMembers { members in
            members.map { member in
                guard ["\"startTime\"", "\"endTime\"", "\"lastUpdatedTime\""].contains(member.key),
                    case .scalar(let text) = member.value, let date = WireTime.readRFC3339(text)
                else { return member }
                return (member.key, .scalar("\"\(WireTime.rfc3339(date, secondsFromGMT: 2 * 3600))\""))
            }
        }
    }

    /// The in-progress answer is delayed for 60 seconds.
    static let codeCatalystStallsWhenInProgress = WireRewrite { reply in
        if reply.fixtureRole == "in-progress" { reply.delay = .seconds(60) }
    }

    private static let inProgress = "\"status\":\"IN_PROGRESS\""
}

extension WireTime {
    /// A time as `rfc3339` writes it, quoted as in JSON or not.
    static func readRFC3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
    }
}
