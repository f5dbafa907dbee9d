import ConformanceModel
import Foundation

/// Human-readable records of exchanges, credential headers masked (the secrets themselves are searched for once, when
/// the run's report is built), and the curl command that replays a request.
enum Transcript {
    static let bodyExcerpt = 2048

    /// Written into one string (every case renders one): request line, headers and body excerpt, then the answer's.
    static func render(_ exchange: Exchange) -> String {
        let request = exchange.request
        var out = ""
        // Room for everything written, so the string grows once.
        let url = Redactor.maskingQuerySignature(request.url)
        var size = 96 + url.utf8.count + min(request.body.count, bodyExcerpt) + 32
        for field in request.headers { size += field.name.utf8.count + field.value.utf8.count + 5 }
        if case .success(let answer) = exchange.outcome {
            size += min(answer.body.count, bodyExcerpt) + 32
            for field in answer.headers { size += field.name.utf8.count + field.value.utf8.count + 5 }
        }
        out.reserveCapacity(size)
        out += "> "
        out += request.method
        out += " "
        out += url
        func header(_ mark: String, _ field: (name: String, value: String)) {
            out += "\n"
            out += mark
            out += field.name
            out += ": "
            out += Redactor.maskingCredential(field.name, field.value)
        }
        for field in request.headers { header("> ", field) }
        if !request.body.isEmpty { out += "\n> " + excerpt(request.body) }
        switch exchange.outcome {
        case .success(let answer):
            out += "\n< HTTP \(answer.status) (\(Numbers.seconds(answer.seconds)) s)"
            for field in answer.headers { header("< ", field) }
            if !answer.body.isEmpty { out += "\n< " + excerpt(answer.body) }
        case .failure(let error):
            out += "\n< no answer: \(error)"
        }
        return out
    }

    /// The first bytes of a body as text; invalid UTF-8 is shown with replacement characters.
    static func excerpt(_ body: [UInt8]) -> String {
        let shown = String(decoding: body.prefix(bodyExcerpt), as: UTF8.self)
        return body.count > bodyExcerpt ? shown + " … (\(body.count) bytes)" : shown
    }

    /// curl that replays the request as printed: credentials come from shell variables the reader sets (`TOKEN`,
    /// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, `API_KEY`/`PASSWORD`), double-quoted so that they expand. A
    /// request that carried a session cookie is preceded by the log-on at `logonURL` that sets `SESSION`.
    /// Headers curl writes itself (`--aws-sigv4` signs afresh).
    private static let unreplayed = ["host", "x-amz-date", "x-amz-content-sha256"]

    static func curl(_ request: PreparedRequest, auth: AuthScheme, region: String, logonURL: String? = nil) -> String {
        // Written into one string, as the transcript is: every case renders one.
        var out = "curl -sS -i -X "
        out.reserveCapacity(256 + request.body.count)
        out += request.method
        out += " "
        quote(Redactor.maskingQuerySignature(request.url), into: &out)
        var logon = ""
        for header in request.headers {
            let name = header.name
            if unreplayed.contains(where: { ASCIIText.equalIgnoringCase($0, name) }) { continue }
            if ASCIIText.equalIgnoringCase(name, "authorization") {
                if header.value.hasPrefix("Bearer ") { out += " -H \"Authorization: Bearer $TOKEN\"" }
                continue
            }
            if ASCIIText.equalIgnoringCase(name, "cookie"), let logonURL {
                let cookie = String(header.value.split(separator: "=")[0])
                out += " -b \"\(cookie)=$SESSION\""
                logon =
                    "SESSION=$(curl -sS -o /dev/null -D - -X POST \(quote(logonURL)) -H 'Content-Type: application/json' "
                    + "--data-binary \"{\\\"APIKey\\\":\\\"$API_KEY\\\",\\\"Password\\\":\\\"$PASSWORD\\\"}\" "
                    + "| sed -n 's/^[Ss]et-[Cc]ookie: \(cookie)=\\([^;]*\\).*/\\1/p') && "
                continue
            }
            out += " -H "
            quote(header.name + ": " + header.value, into: &out)
        }
        if auth.scheme == .sigv4, request.header("Authorization") != nil {
            out += " --aws-sigv4 "
            quote("aws:amz:\(region):\(auth.service ?? "")", into: &out)
            out += " --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
        }
        if !request.body.isEmpty {
            out += " --data-binary "
            quote(String(decoding: request.body, as: UTF8.self), into: &out)
        }
        return logon.isEmpty ? out : logon + out
    }

    private static func quote(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// `text` in single quotes for a POSIX shell, each `'` written as `'\''`.
    private static func quote(_ text: String, into out: inout String) {
        out += "'"
        out += text.utf8.contains(UInt8(ascii: "'")) ? text.replacing("'", with: "'\\''") : text
        out += "'"
    }
}
