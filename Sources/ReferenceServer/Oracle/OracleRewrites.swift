/// Oracle's defects that change only its answers (`Defect.spec`).
extension WireRewrite {
    /// Unknown work requests answered 500 instead of 404.
    static let oracle404As500 = WireRewrite { reply in
        guard reply.status == 404, reply.member("code") == "\"NotAuthorizedOrNotFound\"" else { return }
        reply.status = 500
        reply.rewriteMembers { members in
            members.map { member in
                switch member.key {
                case "\"code\"": return (member.key, .scalar("\"InternalServerError\""))
                case "\"message\"": return (member.key, .scalar("\"An internal error occurred.\""))
                default: return member
                }
            }
        }
    }

    static let oracle412WithoutCode = WireRewrite { reply in
        guard reply.status == 412 else { return }
        reply.rewriteMembers { members in members.filter { $0.key != "\"code\"" } }
    }

    /// The conflict answered 500 without a code, its message and a header carrying HTML and script: a hostile server
    /// for the reports.
    static let oracleMarkupInConflict = WireRewrite { reply in
        guard reply.fixtureRole == "conflict" else { return }
        let kept = reply.headers.filter { $0.0 == "opc-request-id" }
        reply = Reply.json(
            500, ["message": "\"><img src=x onerror=\"document.title='pwned'\">" + OracleAPI.markup],
            headers: kept + [("x-note", OracleAPI.markup)])
    }

    static let oracleSucceededBelow100 = WireRewrite { reply in
        guard reply.status == 200, reply.member("status") == "\"SUCCEEDED\"" else { return }
        reply.rewriteMembers { members in
            members.map { $0.key == "\"percentComplete\"" ? ($0.key, .scalar("90")) : $0 }
        }
    }

    static let oracleResourceIdAsNumber = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.rewriteFields(in: "resources") { $0.key == "\"id\"" ? ($0.key, .scalar("12345")) : $0 }
    }

    /// The failed work request's JSON ends with a trailing comma, as the seed's Example 2.
    static let oracleTrailingCommaWhenFailed = WireRewrite { reply in
        guard reply.fixtureRole == "failed" else { return }
        reply.body = Array(reply.body.dropLast()) + Array(",}".utf8)
    }

    /// The in-progress answer: a valid JSON document, just far too large (`{…,"padding":"xxxx…"}`, 64 MiB).
    static let oracleHugeBodyWhenInProgress = WireRewrite { reply in
        guard reply.fixtureRole == "in-progress" else { return }
        reply.body =
            Array(reply.body.dropLast()) + Array(",\"padding\":\"".utf8)
            + [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20) + Array("\"}".utf8)
    }

    static let oracleStatusGivenTwice = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.rewriteMembers { members in
            let failed = members.contains { $0.key == "\"status\"" && $0.value.isScalar("\"FAILED\"") }
            return failed ? members + [("\"status\"", .scalar("\"SUCCEEDED\""))] : nil
        }
    }

    /// Each resource object replaced by its resourceType alone: ["SNAPSHOT"].
    static let oracleResourcesAsStrings = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.rewriteMembers { members in
            members.map { member in
                guard member.key == "\"resources\"", case .array(let items) = member.value else { return member }
                return (member.key, .array(items.map { $0.member("\"resourceType\"") ?? $0 }))
            }
        }
    }

    static let oracleOmitsOperationType = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.rewriteMembers { members in members.filter { $0.key != "\"operationType\"" } }
    }
}
