import ConformanceModel
import Foundation
import SigV4

/// Why a request was refused before the operation ran; each API spells these as its own error.
enum AuthFailure: Sendable, Equatable {
    case missing, malformed, unknownKey, badSignature
}

/// Checks the three schemes the APIs use against the fixed test credentials in `ReferenceFixtures`. One per API, with
/// the scheme its profile names: a defect that checks credentials other than documented is handed to that API's
/// authenticator as a deviation.
struct Authenticator: Sendable {
    let sessions: SessionStore
    /// The API's scheme, from its profile.
    let scheme: AuthScheme
    var deviations: Set<AuthDeviation> = []

    /// The request's credentials checked as the API's scheme requires.
    func check(_ request: WireRequest) async -> AuthFailure? {
        switch scheme.scheme {
        case .sigv4: return sigV4(request, service: scheme.service ?? "")
        case .bearer: return bearer(request)
        case .sessionCookie: return await session(request, cookie: scheme.cookieName ?? "session")
        }
    }

    /// SigV4 in the `Authorization` header or presigned in the query string. A presigned request past its expiry is
    /// refused as a bad signature, the one refusal every API here spells for it.
    func sigV4(_ request: WireRequest, service: String, now: Date = Date()) -> AuthFailure? {
        if deviations.contains(.refusesPresigned), request.rawQuery.contains("X-Amz-Signature=") { return .missing }
        let failure = checkedSigV4(request, service: service, now: now)
        if failure == .missing, deviations.contains(.acceptsUnsigned) { return nil }
        return failure
    }

    private func checkedSigV4(_ request: WireRequest, service: String, now: Date) -> AuthFailure? {
        let presigned: SigV4Presigned
        switch SigV4Presigned.read(rawQuery: request.rawQuery) {
        case .success(let parsed)? where request.header("Authorization") == nil: presigned = parsed
        case .failure? where request.header("Authorization") == nil: return .malformed
        default: return headerSigV4(request, service: service)
        }
        guard presigned.scope.service == service, presigned.signedHeaders.contains("host") else { return .malformed }
        guard presigned.accessKeyId == ReferenceFixtures.awsAccessKeyId else { return .unknownKey }
        guard let expiry = presigned.expiry, expiry >= now else { return .badSignature }
        let expected = SigV4.signature(
            for: signable(request, signedHeaders: presigned.signedHeaders, query: presigned.signedQuery),
            signedHeaders: presigned.signedHeaders, amzDate: presigned.amzDate, scope: presigned.scope,
            secret: ReferenceFixtures.awsSecretAccessKey,
            payloadHash: service == "s3" ? SigV4.unsignedPayload : nil)
        return expected == presigned.signature ? nil : .badSignature
    }

    private func headerSigV4(_ request: WireRequest, service: String) -> AuthFailure? {
        guard let header = request.header("Authorization") else { return .missing }
        guard let auth = SigV4Authorization(header: header), let amzDate = request.header("X-Amz-Date"),
            auth.scope.service == service, auth.signedHeaders.contains("host")
        else { return .malformed }
        guard auth.accessKeyId == ReferenceFixtures.awsAccessKeyId else { return .unknownKey }
        let expected = SigV4.signature(
            for: signable(request, signedHeaders: auth.signedHeaders, query: request.rawQuery),
            signedHeaders: auth.signedHeaders, amzDate: amzDate, scope: auth.scope,
            secret: ReferenceFixtures.awsSecretAccessKey)
        return expected == auth.signature ? nil : .badSignature
    }

    /// The request as the client signed it: the `Host` it carried (an SDK may prefix `{AccountId}.`), the signed headers.
    private func signable(_ request: WireRequest, signedHeaders: [String], query: String) -> SigV4.Request {
        let headers = signedHeaders.map { name -> (name: String, value: String) in
            (name, name == "host" ? request.host : (request.header(name) ?? ""))
        }
        return SigV4.Request(
            method: request.method, path: request.rawPath, query: query, headers: headers, body: request.body)
    }

    /// RFC 6750: the scheme name is case-insensitive and separated from the token by one or more spaces.
    func bearer(_ request: WireRequest) -> AuthFailure? {
        guard let header = request.header("Authorization") else { return .missing }
        if header == "Bearer", deviations.contains(.acceptsBareBearer) { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .malformed }
        let token = parts[1].drop { $0 == " " }
        guard !token.isEmpty else { return .malformed }
        if deviations.contains(.acceptsAnyBearer) { return nil }
        return token == ReferenceFixtures.bearerToken ? nil : .unknownKey
    }

    func session(_ request: WireRequest, cookie: String) async -> AuthFailure? {
        guard let value = request.cookie(cookie) else {
            let namedButEmpty = request.header("Cookie")?.contains("\(cookie)=") == true
            return namedButEmpty && deviations.contains(.acceptsEmptySession) ? nil : .missing
        }
        if deviations.contains(.acceptsAnySession) { return nil }
        return await sessions.contains(value) ? nil : .unknownKey
    }
}
