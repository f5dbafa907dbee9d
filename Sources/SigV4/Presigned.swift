import Foundation

/// The SigV4 parameters of a presigned request, carried in its query string instead of an `Authorization` header
/// (the form the Cloud Control document's query example shows, and what `generate_presigned_url` writes).
public struct SigV4Presigned: Sendable, Hashable {
    public var accessKeyId: String
    public var scope: SigV4.Scope
    public var signedHeaders: [String]
    public var signature: String
    public var amzDate: String
    /// Seconds the signature stays valid after `amzDate`.
    public var expires: Int
    /// The query string without `X-Amz-Signature`: what the signature covers.
    public var signedQuery: String

    /// Nil when the query carries no presigned signature; `.malformed` when it carries one that is incomplete.
    public static func read(rawQuery: String) -> Result<SigV4Presigned, Malformed>? {
        var fields: [String: String] = [:]
        var kept: [Substring] = []
        for item in rawQuery.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = SigV4.decode(String(parts[0]))
            if name.hasPrefix("X-Amz-") { fields[name] = parts.count > 1 ? SigV4.decode(String(parts[1])) : "" }
            if name != "X-Amz-Signature" { kept.append(item) }
        }
        guard fields["X-Amz-Algorithm"] != nil || fields["X-Amz-Signature"] != nil else { return nil }
        guard fields["X-Amz-Algorithm"] == SigV4.algorithm, let credential = fields["X-Amz-Credential"],
            let amzDate = fields["X-Amz-Date"], let signed = fields["X-Amz-SignedHeaders"],
            let signature = fields["X-Amz-Signature"], signature.count == 64,
            let expires = Int(fields["X-Amz-Expires"] ?? "604800")
        else { return .failure(Malformed()) }
        guard let (accessKeyId, scope) = SigV4.Scope.credential(credential) else { return .failure(Malformed()) }
        return .success(
            SigV4Presigned(
                accessKeyId: accessKeyId, scope: scope,
                signedHeaders: signed.split(separator: ";").map(String.init), signature: signature, amzDate: amzDate,
                expires: expires, signedQuery: kept.joined(separator: "&")))
    }

    public struct Malformed: Error, Sendable {}

    /// `request.query` with the presigned parameters and signature appended. `request.headers` holds `Host` (the only
    /// header signed); S3 signs `UNSIGNED-PAYLOAD`, as a presigned URL cannot know its body.
    public static func sign(
        _ request: SigV4.Request, credentials: SigV4.AccessKey, region: String, service: String,
        date: Date, expires: Int
    ) -> String {
        let amzDate = SigV4.timestamp(date)
        let scope = SigV4.Scope(date: String(amzDate.prefix(8)), region: region, service: service)
        let parameters = [
            ("X-Amz-Algorithm", SigV4.algorithm), ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope.text)"),
            ("X-Amz-Date", amzDate), ("X-Amz-Expires", String(expires)), ("X-Amz-SignedHeaders", "host"),
        ]
        let query =
            (request.query.isEmpty ? [] : [request.query])
            + parameters.map { "\($0.0)=\(SigV4.encode($0.1))" }
        var signed = request
        signed.query = query.joined(separator: "&")
        signed.headers = request.headers.filter { $0.name.lowercased() == "host" }
        let signature = SigV4.signature(
            for: signed, signedHeaders: ["host"], amzDate: amzDate, scope: scope,
            secret: credentials.secretAccessKey,
            payloadHash: service == "s3" ? SigV4.unsignedPayload : nil)
        return signed.query + "&X-Amz-Signature=" + signature
    }

    /// When the signature stops being valid; nil if `amzDate` is not a SigV4 timestamp.
    public var expiry: Date? {
        SigV4.date(amzDate).map { $0.addingTimeInterval(TimeInterval(expires)) }
    }
}
