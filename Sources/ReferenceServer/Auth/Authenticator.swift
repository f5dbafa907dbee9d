import ConformanceModel
import Foundation
import SigV4

/// Why a request was refused before the operation ran; each API spells these as its own error.
enum AuthFailure: Sendable, Equatable {
    case missing, malformed, unknownKey, badSignature
}

/// Checks the three schemes the APIs use against the fixed test credentials in `ReferenceFixtures`.
struct Authenticator: Sendable {
    let sessions: SessionStore

    func sigV4(_ request: WireRequest, service: String) -> AuthFailure? {
        guard let header = request.header("Authorization") else { return .missing }
        guard let auth = SigV4Authorization(header: header), let amzDate = request.header("X-Amz-Date"),
              auth.scope.service == service, auth.signedHeaders.contains("host") else { return .malformed }
        guard auth.accessKeyId == ReferenceFixtures.awsAccessKeyId else { return .unknownKey }
        let headers = auth.signedHeaders.map { name -> (name: String, value: String) in
            (name, name == "host" ? request.host : (request.header(name) ?? ""))
        }
        let wire = SigV4.Request(method: request.method, path: request.rawPath, query: request.rawQuery, headers: headers, body: request.body)
        let expected = SigV4.signature(for: wire, signedHeaders: auth.signedHeaders, amzDate: amzDate, scope: auth.scope,
                                       secret: ReferenceFixtures.awsSecretAccessKey)
        return expected == auth.signature ? nil : .badSignature
    }

    func bearer(_ request: WireRequest, acceptAny: Bool = false) -> AuthFailure? {
        guard let header = request.header("Authorization") else { return .missing }
        guard header.hasPrefix("Bearer ") else { return .malformed }
        if acceptAny { return nil }
        return header.dropFirst("Bearer ".count) == ReferenceFixtures.bearerToken ? nil : .unknownKey
    }

    func session(_ request: WireRequest, cookie: String, acceptAny: Bool = false) async -> AuthFailure? {
        guard let value = request.cookie(cookie) else { return .missing }
        if acceptAny { return nil }
        return await sessions.contains(value) ? nil : .unknownKey
    }
}
