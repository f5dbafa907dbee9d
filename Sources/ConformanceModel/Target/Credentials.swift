/// Secrets resolved for one API; kept out of every report and log.
public struct Credentials: Sendable, Hashable {
    public var accessKeyId: String?
    public var secretAccessKey: String?
    public var token: String?
    public var apiKey: String?
    public var password: String?

    public init(
        accessKeyId: String? = nil, secretAccessKey: String? = nil, token: String? = nil,
        apiKey: String? = nil, password: String? = nil
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.token = token
        self.apiKey = apiKey
        self.password = password
    }

    /// Every secret value, for redaction.
    public var secrets: [String] {
        [secretAccessKey, token, apiKey, password].compactMap { $0 }.filter { !$0.isEmpty }
    }
}
