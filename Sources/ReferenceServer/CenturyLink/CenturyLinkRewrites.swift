import Foundation

/// CenturyLink's defects that change only its answers (`Defect.spec`).
extension WireRewrite {
    /// Answers about a request say Success=true with StatusCode 2.
    static let centuryLinkSuccessWithErrorStatus = WireRewrite { reply in
        guard reply.fixtureRole != nil else { return }
        reply.replace("\"StatusCode\":0", with: "\"StatusCode\":2")
        reply.replace("StatusCode=\"0\"", with: "StatusCode=\"2\"")
    }

    static let centuryLinkXMLAsTextPlain = WireRewrite { reply in
        guard reply.fixtureRole != nil, !reply.isJSON else { return }
        reply = reply.with(header: "Content-Type", "text/plain")
    }

    /// Every XML `StatusDate="…"` moved 7 hours back, as the seed's XML example is against its JSON one: a local time
    /// written as if it were GMT.
    static let centuryLinkXMLStatusDateLocal = WireRewrite { reply in
        let text = reply.text
        guard reply.status == 200, let range = text.range(of: #"StatusDate="[^"]+""#, options: .regularExpression)
        else { return }
        let value = text[range].dropFirst("StatusDate=\"".count).dropLast()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS"
        guard let date = formatter.date(from: String(value)) else { return }
        reply.body = Array(
            text.replacingCharacters(
                in: range, with: "StatusDate=\"\(formatter.string(from: date.addingTimeInterval(-7 * 3600)))\""
            ).utf8)
    }
}
