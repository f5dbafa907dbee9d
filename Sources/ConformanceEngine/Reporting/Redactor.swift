/// Removes secrets from anything that leaves the process: headers that carry credentials lose their value, and
/// any known secret string is masked wherever it appears (a server may echo one back).
package struct Redactor: Sendable {
    static let mask = "<redacted>"
    static let credentialHeaders: Set<String> = [
        "authorization", "cookie", "set-cookie", "x-amz-security-token", "proxy-authorization",
    ]

    package var secrets: [String]

    /// Masks the values of credential headers only; what a run renders per case before the secrets are all known.
    static let headersOnly = Redactor(secrets: [])

    package init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    package func header(_ name: String, _ value: String) -> String {
        guard Self.credentialHeaders.contains(name.lowercased()) else { return text(value) }
        if name.lowercased() == "authorization", let scheme = value.split(separator: " ").first {
            return "\(scheme) \(Self.mask)"
        }
        if let equals = value.firstIndex(of: "=") { return "\(value[..<equals])=\(Self.mask)" }
        return Self.mask
    }

    /// Every occurrence of every secret masked, longest secret first. Searched in UTF-8 without Foundation: this runs
    /// over every transcript of every case, and `replacingOccurrences` (an NSString round trip per secret on Linux)
    /// was most of the suite's own cost per case.
    package func text(_ value: String) -> String {
        guard !secrets.isEmpty else { return value }
        var bytes = Array(value.utf8)
        var changed = false
        for secret in secrets {
            let needle = Array(secret.utf8)
            guard let first = needle.first, bytes.count >= needle.count else { continue }
            var output: [UInt8] = []
            var index = 0
            var found = false
            while index < bytes.count {
                if bytes[index] == first, index + needle.count <= bytes.count,
                    bytes[index..<(index + needle.count)].elementsEqual(needle)
                {
                    if !found {
                        output.reserveCapacity(bytes.count)
                        output.append(contentsOf: bytes[..<index])
                        found = true
                    }
                    output.append(contentsOf: Self.maskBytes)
                    index += needle.count
                } else {
                    if found { output.append(bytes[index]) }
                    index += 1
                }
            }
            if found {
                bytes = output
                changed = true
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : value
    }

    private static let maskBytes = Array(mask.utf8)
}
