import ConformanceModel
import Foundation
import SigV4

/// Puts the case's credentials on a request: valid ones, none, unknown ones, or a malformed header.
/// A class, made once per API: every case shares it instead of copying the profile and target.
package final class Authorizer: Sendable {
    static let unknownAccessKey = SigV4.AccessKey(
        accessKeyId: "AKIDCONFORMANCEUNKNOWN", secretAccessKey: "not-a-real-secret")
    static let invalidToken = "conformance-invalid-token-0000"
    static let invalidSession = "00000000-0000-0000-0000-000000000000"

    let profile: Profile
    let target: ResolvedTarget
    let sessions: SessionCache

    package init(profile: Profile, target: ResolvedTarget, sessions: SessionCache) {
        self.profile = profile
        self.target = target
        self.sessions = sessions
    }

    enum Failure: Error, CustomStringConvertible {
        case logon(String)

        var description: String {
            switch self {
            case .logon(let reason): return reason
            }
        }
    }

    package func apply(_ mode: AuthMode, to request: PreparedRequest, driver: any Driver) async throws
        -> PreparedRequest
    {
        var request = request
        switch profile.auth.scheme {
        case .sigv4:
            let service = profile.auth.service ?? "execute-api"
            switch mode {
            case .missing: break
            case .malformed:
                request.headers.append(("X-Amz-Date", SigV4.timestamp(Date())))
                request.headers.append(
                    (
                        "Authorization",
                        "\(SigV4.algorithm) Credential=\(target.credentials.accessKeyId ?? "")/incomplete"
                    ))
            case .presigned:
                let wire = SigV4.Request(
                    method: request.method, path: fullPath(request), query: request.query,
                    headers: request.headers, body: request.body)
                request.query = SigV4Presigned.sign(
                    wire,
                    credentials: SigV4.AccessKey(
                        accessKeyId: target.credentials.accessKeyId ?? "",
                        secretAccessKey: target.credentials.secretAccessKey ?? ""),
                    region: target.region, service: service, date: Date(), expires: 300)
            case .valid, .invalid:
                let credentials =
                    mode == .valid
                    ? SigV4.AccessKey(
                        accessKeyId: target.credentials.accessKeyId ?? "",
                        secretAccessKey: target.credentials.secretAccessKey ?? "")
                    : Self.unknownAccessKey
                let wire = SigV4.Request(
                    method: request.method, path: fullPath(request), query: request.query,
                    headers: request.headers, body: request.body)
                request.headers += SigV4.sign(
                    wire, credentials: credentials, region: target.region, service: service, date: Date())
            }
        case .bearer:
            switch mode {
            case .valid, .presigned:
                request.headers.append(("Authorization", "Bearer \(target.credentials.token ?? "")"))
            case .invalid: request.headers.append(("Authorization", "Bearer \(Self.invalidToken)"))
            // The scheme without a token: not a wrong credential but no credential in the scheme's form.
            case .malformed: request.headers.append(("Authorization", "Bearer"))
            case .missing: break
            }
        case .sessionCookie:
            let name = target.cookieName(profile)
            switch mode {
            case .valid, .presigned:
                request.headers.append(("Cookie", "\(name)=\(try await sessions.cookie(for: self, driver: driver))"))
            case .invalid: request.headers.append(("Cookie", "\(name)=\(Self.invalidSession)"))
            // The cookie named but empty: no session id at all, where invalid is a well-formed id the target never issued.
            case .malformed: request.headers.append(("Cookie", "\(name)="))
            case .missing: break
            }
        }
        return request
    }

    /// The signed path includes any prefix of the base URL.
    private func fullPath(_ request: PreparedRequest) -> String { target.pathPrefix + request.path }

    /// CenturyLink log-on: one per API and run, answered with the session cookie.
    func logon(driver: any Driver) async throws -> String {
        let path = target.logonPath(profile)
        let body = try JSONSerialization.data(withJSONObject: [
            "APIKey": target.credentials.apiKey ?? "", "Password": target.credentials.password ?? "",
        ])
        let request = PreparedRequest(
            method: "POST", origin: target.baseURL, path: path, query: "",
            headers: [("Host", target.hostHeader), ("Content-Type", "application/json")], body: Array(body), sent: [:])
        // Named as the log-on of the case that needed it: a replay answers it whichever case logs on first there.
        let exchange = await ExchangeOrigin.$current.withValue(ExchangeOrigin.current?.logon) {
            await driver.send(request)
        }
        switch exchange.outcome {
        case .failure(let error):
            throw Failure.logon("log-on at \(path) failed: \(error)")
        case .success(let answer):
            let name = target.cookieName(profile)
            for header in answer.headers where header.name.lowercased() == "set-cookie" {
                let pair = header.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name { return String(pair[1]) }
            }
            throw Failure.logon("log-on at \(path) answered \(answer.status) without a \(name) cookie")
        }
    }
}
