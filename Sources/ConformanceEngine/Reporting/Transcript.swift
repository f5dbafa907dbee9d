import ConformanceModel
import Foundation

/// Human-readable, redacted records of exchanges, and the curl command that replays a request.
enum Transcript {
    static let bodyExcerpt = 2048

    static func render(_ exchange: Exchange, redactor: Redactor) -> String {
        var lines = ["> \(exchange.request.method) \(exchange.request.url)"]
        lines += exchange.request.headers.map { "> \($0.name): \(redactor.header($0.name, $0.value))" }
        if !exchange.request.body.isEmpty { lines.append("> " + excerpt(exchange.request.body, redactor: redactor)) }
        switch exchange.outcome {
        case .success(let answer):
            lines.append("< HTTP \(answer.status) (\(Numbers.seconds(answer.seconds)) s)")
            lines += answer.headers.map { "< \($0.name): \(redactor.header($0.name, $0.value))" }
            if !answer.body.isEmpty { lines.append("< " + excerpt(answer.body, redactor: redactor)) }
        case .failure(let error):
            lines.append("< no answer: \(error)")
        }
        return lines.joined(separator: "\n")
    }

    /// The first bytes of a body as text; invalid UTF-8 is shown with replacement characters.
    static func excerpt(_ body: [UInt8], redactor: Redactor) -> String {
        let shown = String(decoding: body.prefix(bodyExcerpt), as: UTF8.self)
        let more = body.count > bodyExcerpt ? " … (\(body.count) bytes)" : ""
        return redactor.text(shown) + more
    }

    /// curl that replays the request as printed: credentials come from shell variables the reader sets (`TOKEN`,
    /// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, `API_KEY`/`PASSWORD`), double-quoted so that they expand. A
    /// request that carried a session cookie is preceded by the log-on at `logonURL` that sets `SESSION`.
    static func curl(_ request: PreparedRequest, auth: AuthScheme, region: String, logonURL: String? = nil) -> String {
        var parts = ["curl -sS -i -X \(request.method)", quote(request.url)]
        var logon = ""
        for header in request.headers {
            let name = header.name.lowercased()
            if ["host", "x-amz-date", "x-amz-content-sha256"].contains(name) { continue }
            if name == "authorization" {
                if header.value.hasPrefix("Bearer ") { parts.append("-H \"Authorization: Bearer $TOKEN\"") }
                continue
            }
            if name == "cookie", let logonURL {
                let cookie = String(header.value.split(separator: "=")[0])
                parts.append("-b \"\(cookie)=$SESSION\"")
                logon =
                    "SESSION=$(curl -sS -o /dev/null -D - -X POST \(quote(logonURL)) -H 'Content-Type: application/json' "
                    + "--data-binary \"{\\\"APIKey\\\":\\\"$API_KEY\\\",\\\"Password\\\":\\\"$PASSWORD\\\"}\" "
                    + "| sed -n 's/^[Ss]et-[Cc]ookie: \(cookie)=\\([^;]*\\).*/\\1/p') && "
                continue
            }
            parts.append("-H " + quote("\(header.name): \(header.value)"))
        }
        if auth.scheme == .sigv4, request.header("Authorization") != nil {
            parts.append("--aws-sigv4 " + quote("aws:amz:\(region):\(auth.service ?? "")"))
            parts.append("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"")
        }
        if !request.body.isEmpty {
            parts.append("--data-binary " + quote(String(decoding: request.body, as: UTF8.self)))
        }
        return logon + parts.joined(separator: " ")
    }

    private static func quote(_ text: String) -> String {
        "'" + (text.contains("'") ? text.replacing("'", with: "'\\''") : text) + "'"
    }
}
