import ConformanceModel

/// Removes secrets from anything that leaves the process: headers that carry credentials lose their value, and
/// any known secret string is masked wherever it appears (a server may echo one back).
package struct Redactor: Sendable {
    static let mask = "<redacted>"
    static let credentialHeaders = [
        "authorization", "cookie", "set-cookie", "x-amz-security-token", "proxy-authorization",
    ]

    /// Bit n set: some credential header's name is n bytes long (all are shorter than 64).
    private static let credentialLengths: UInt64 = credentialHeaders.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    package init(secrets: [String]) {
        needles = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }.map { Array($0.utf8) }
        var table = [Bool](repeating: false, count: 256)
        for needle in needles { if let first = needle.first { table[Int(first)] = true } }
        startsSecret = table
    }

    /// The secrets' bytes, longest first, and which bytes begin one: what the one pass looks for.
    private let needles: [[UInt8]]
    private let startsSecret: [Bool]

    /// A credential header's value masked (keeping the scheme or the cookie's name), any other value as it is: what
    /// a transcript shows before the run knows every secret to search for.
    static func maskingCredential(_ name: String, _ value: String) -> String {
        // Most names have none of the credential headers' lengths: answered without comparing.
        let length = name.utf8.count
        guard length < 64, credentialLengths & (1 << UInt64(length)) != 0,
            credentialHeaders.contains(where: { ASCIIText.equalIgnoringCase($0, name) })
        else { return value }
        // Cut in UTF-8: space and `=` are ASCII, and every transcript masks at least one credential header.
        let bytes = value.utf8
        if ASCIIText.equalIgnoringCase(name, "authorization"),
            let start = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") })
        {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
            return String(Substring(bytes[start..<end])) + " " + Self.mask
        }
        if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            return String(Substring(bytes[..<equals])) + "=" + Self.mask
        }
        return Self.mask
    }

    /// A URL whose query carries a presigned SigV4 signature (`X-Amz-Signature=…`), with its value masked.
    static func maskingQuerySignature(_ url: String) -> String {
        guard let found = url.range(of: "X-Amz-Signature=") else { return url }
        let end = url[found.upperBound...].firstIndex(of: "&") ?? url.endIndex
        return url.replacingCharacters(in: found.upperBound..<end, with: "<redacted>")
    }

    /// Every occurrence of every secret masked, the longest secret first where several start at one place. One pass
    /// over the UTF-8 bytes for all secrets, without Foundation: this runs over every transcript and curl of a run.
    package func text(_ value: String) -> String {
        guard !needles.isEmpty else { return value }
        var value = value
        // Read in place; a copy is made only where a secret is found.
        return value.withUTF8 { masked($0) }.map { String(decoding: $0, as: UTF8.self) } ?? value
    }

    /// Every occurrence of every secret masked in bytes that need not be text (a recorded body).
    package func bytes(_ value: [UInt8]) -> [UInt8] {
        guard !needles.isEmpty else { return value }
        return value.withUnsafeBufferPointer { masked($0) } ?? value
    }

    /// The bytes with every secret masked, or nil when none was there.
    private func masked(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard startsSecret[Int(byte)],
                let length = needles.first(where: { needle in
                    needle[0] == byte && index + needle.count <= bytes.count
                        && bytes[index..<(index + needle.count)].elementsEqual(needle)
                })?.count
            else {
                index += 1
                continue
            }
            if copied == 0 && output.isEmpty { output.reserveCapacity(bytes.count) }
            output.append(contentsOf: bytes[copied..<index])
            output.append(contentsOf: Self.maskBytes)
            index += length
            copied = index
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    private static let maskBytes = Array(mask.utf8)
}
