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
            lines.append("< HTTP \(answer.status) (\(String(format: "%.3f", answer.seconds)) s)")
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

    /// curl that replays the request; credentials come from shell variables the reader sets.
    static func curl(_ request: PreparedRequest, auth: AuthScheme, region: String) -> String {
        var parts = ["curl -sS -i -X \(request.method)", quote(request.url)]
        for header in request.headers {
            let name = header.name.lowercased()
            if ["host", "x-amz-date", "x-amz-content-sha256"].contains(name) { continue }
            if name == "authorization" {
                if header.value.hasPrefix("Bearer ") { parts.append("-H " + quote("Authorization: Bearer $TOKEN")) }
                continue
            }
            if name == "cookie" {
                parts.append("-b " + quote("\(header.value.split(separator: "=")[0])=$SESSION"))
                continue
            }
            parts.append("-H " + quote("\(header.name): \(header.value)"))
        }
        if auth.scheme == .sigv4, request.header("Authorization") != nil {
            parts.append("--aws-sigv4 " + quote("aws:amz:\(region):\(auth.service ?? "")"))
            parts.append("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"")
        }
        if !request.body.isEmpty { parts.append("--data-binary " + quote(String(decoding: request.body, as: UTF8.self))) }
        return parts.joined(separator: " ")
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
