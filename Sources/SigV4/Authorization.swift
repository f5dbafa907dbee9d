/// The parts of a SigV4 `Authorization` header, for a server that verifies it.
public struct SigV4Authorization: Sendable, Hashable {
    public var accessKeyId: String
    public var scope: SigV4.Scope
    public var signedHeaders: [String]
    public var signature: String

    /// Nil when the header is not a well-formed SigV4 header (the caller answers "incomplete signature").
    public init?(header: String) {
        guard header.hasPrefix(SigV4.algorithm + " ") else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(SigV4.algorithm.count + 1).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else { return nil }
        guard let (accessKeyId, scope) = SigV4.Scope.credential(credential), signature.count == 64 else { return nil }
        self.accessKeyId = accessKeyId
        self.scope = scope
        signedHeaders = signed.split(separator: ";").map(String.init)
        self.signature = signature
    }
}
