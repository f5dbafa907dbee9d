/// Removes secrets from anything that leaves the process: headers that carry credentials lose their value, and
/// any known secret string is masked wherever it appears (a server may echo one back).
public struct Redactor: Sendable {
    static let mask = "<redacted>"
    static let credentialHeaders: Set<String> = ["authorization", "cookie", "set-cookie", "x-amz-security-token", "proxy-authorization"]

    public var secrets: [String]

    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    public func header(_ name: String, _ value: String) -> String {
        guard Self.credentialHeaders.contains(name.lowercased()) else { return text(value) }
        if name.lowercased() == "authorization", let scheme = value.split(separator: " ").first {
            return "\(scheme) \(Self.mask)"
        }
        if let equals = value.firstIndex(of: "=") { return "\(value[..<equals])=\(Self.mask)" }
        return Self.mask
    }

    public func text(_ value: String) -> String {
        secrets.reduce(value) { $0.replacingOccurrences(of: $1, with: Self.mask) }
    }
}
