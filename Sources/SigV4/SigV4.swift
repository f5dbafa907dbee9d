import ConformanceModel
import Crypto
import Foundation

/// AWS Signature Version 4, header form. One implementation serves both sides: the driver signs with it and the
/// reference server recomputes the same signature to verify, so a drift between them shows up in the tests
/// (which also check it against signatures botocore computed).
public enum SigV4 {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public struct AccessKey: Sendable, Hashable {
        public var accessKeyId: String
        public var secretAccessKey: String
        public init(accessKeyId: String, secretAccessKey: String) {
            self.accessKeyId = accessKeyId
            self.secretAccessKey = secretAccessKey
        }
    }

    /// A request as it goes on the wire: `path` already percent-encoded, `query` the raw query string.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var query: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(
            method: String, path: String, query: String, headers: [(name: String, value: String)], body: [UInt8]
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }
    }

    public struct Scope: Sendable, Hashable {
        public var date: String
        public var region: String
        public var service: String
        public var text: String { "\(date)/\(region)/\(service)/aws4_request" }

        /// The access key and scope of a `Credential` value, `AKID/20160316/us-east-1/s3/aws4_request`; nil otherwise.
        static func credential(_ text: String) -> (accessKeyId: String, scope: Scope)? {
            let parts = text.split(separator: "/").map(String.init)
            guard parts.count == 5, parts[4] == "aws4_request" else { return nil }
            return (parts[0], Scope(date: parts[1], region: parts[2], service: parts[3]))
        }
    }

    /// The headers to add to `request`: `X-Amz-Date`, `Authorization`, and for S3 `x-amz-content-sha256`.
    /// `request.headers` must already hold `Host` and every other header to be signed.
    public static func sign(
        _ request: Request, credentials: AccessKey, region: String, service: String,
        date: Date
    ) -> [(name: String, value: String)] {
        let amzDate = timestamp(date)
        var request = request
        var added: [(name: String, value: String)] = [("X-Amz-Date", amzDate)]
        if service == "s3" { added.append(("x-amz-content-sha256", payloadHash(request.body))) }
        request.headers += added
        let signed = request.headers.map { $0.name.lowercased() }.sorted()
        let scope = Scope(date: String(amzDate.prefix(8)), region: region, service: service)
        let signature = Self.signature(
            for: request, signedHeaders: signed, amzDate: amzDate, scope: scope,
            secret: credentials.secretAccessKey)
        added.append(
            (
                "Authorization",
                "\(algorithm) Credential=\(credentials.accessKeyId)/\(scope.text), SignedHeaders=\(signed.joined(separator: ";")), Signature=\(signature)"
            ))
        return added
    }

    /// The payload hash a presigned S3 request signs: the body is not known when the URL is written.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The hex signature of `request` over `signedHeaders` (lower-case names). `payloadHash`, when given, replaces the
    /// body's hash (a presigned S3 request signs `UNSIGNED-PAYLOAD`).
    public static func signature(
        for request: Request, signedHeaders: [String], amzDate: String, scope: Scope,
        secret: String, payloadHash: String? = nil
    ) -> String {
        let canonical = canonicalRequest(
            request, signedHeaders: signedHeaders, service: scope.service, payloadHash: payloadHash)
        let stringToSign = [algorithm, amzDate, scope.text, hex(hash(canonical))].joined(separator: "\n")
        var mac = signingKeys.mac(secret: secret, scope: scope)
        var text = stringToSign
        text.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return hex(mac.finalize())
    }

    static func canonicalRequest(
        _ request: Request, signedHeaders: [String], service: String, payloadHash: String? = nil
    ) -> String {
        var headerBlock = ""
        for name in signedHeaders {
            headerBlock += name
            headerBlock += ":"
            var first = true
            for header in request.headers where ASCIIText.equalIgnoringCase(header.name, name) {
                if !first { headerBlock += "," }
                headerBlock += collapse(header.value)
                first = false
            }
            headerBlock += "\n"
        }
        let payload =
            payloadHash ?? request.headers.first { ASCIIText.equalIgnoringCase($0.name, "x-amz-content-sha256") }?.value
            ?? Self.payloadHash(request.body)
        var canonical = request.method
        canonical.reserveCapacity(headerBlock.utf8.count + request.path.utf8.count + request.query.utf8.count + 256)
        for part in [
            canonicalPath(request.path, service: service), canonicalQuery(request.query), headerBlock,
            signedHeaders.joined(separator: ";"), payload,
        ] {
            canonical += "\n"
            canonical += part
        }
        return canonical
    }

    /// S3 signs the path as sent; every other service encodes the already-encoded path once more.
    static func canonicalPath(_ path: String, service: String) -> String {
        let path = path.isEmpty ? "/" : path
        if service == "s3" { return path }
        // A path of unreserved characters and slashes (most) is its own encoding.
        if path.utf8.allSatisfy({ $0 == UInt8(ascii: "/") || isUnreserved($0) }) { return path }
        // Cut in UTF-8: splitting a String by Character runs grapheme breaking on every request.
        return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { encode(String(Substring($0))) }.joined(separator: "/")
    }

    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.utf8.split(separator: UInt8(ascii: "&")).map { item -> (String, String) in
            let equals = item.firstIndex(of: UInt8(ascii: "="))
            let name = decode(String(Substring(item[..<(equals ?? item.endIndex)])))
            let value = equals.map { decode(String(Substring(item[item.index(after: $0)...]))) } ?? ""
            return (encode(name), encode(value))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(
            separator: "&")
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 requires.
    public static func encode(_ text: String) -> String {
        // Most names and values need nothing encoded: returned as they are, without building a copy.
        guard text.utf8.contains(where: { !isUnreserved($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHexBytes[Int(byte >> 4)])
                out.append(upperHexBytes[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// A query name or value as sent, decoded: `+` is a space, `%XX` a byte. Text with a broken escape, or whose
    /// bytes are not UTF-8 once decoded, is signed as it is.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "+"):
                out.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else { return text }
                out.append(high << 4 | low)
                index += 3
            case let byte:
                out.append(byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A header value as SigV4 signs it: leading and trailing blanks removed, runs of spaces made one.
    static func collapse(_ value: String) -> String {
        // Most values have nothing to collapse: no blank at either end and no two spaces in a row.
        var previous: UInt8 = 0
        var plain =
            value.utf8.first != 0x20 && value.utf8.first != 0x09 && value.utf8.last != 0x20 && value.utf8.last != 0x09
        for byte in value.utf8 where plain {
            plain = !(byte == 0x20 && previous == 0x20)
            previous = byte
        }
        if plain { return value }
        var trimmed = Substring(value)
        while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static let signingKeys = SigningKeys()

    /// SHA-256 of a string's UTF-8, read in place.
    private static func hash(_ text: String) -> SHA256.Digest {
        var text = text
        return text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    }

    /// Hex SHA-256 of a body, the value S3 wants in `x-amz-content-sha256`.
    public static func payloadHash(_ body: [UInt8]) -> String {
        hex(SHA256.hash(data: body))
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC. Written from the calendar fields directly: a `DateFormatter` per signature cost
    /// ICU's locale set-up on every request.
    public static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(fields.tm_year + 1900)\(two(fields.tm_mon + 1))\(two(fields.tm_mday))T\(two(fields.tm_hour))\(two(fields.tm_min))\(two(fields.tm_sec))Z"
    }

    /// The date of a SigV4 timestamp (`20160316T233349Z`), nil if it is not one.
    public static func date(_ timestamp: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: timestamp)
    }

    private static let hexBytes = Array("0123456789abcdef".utf8)
    private static let upperHexBytes = Array("0123456789ABCDEF".utf8)

    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexBytes[Int(byte >> 4)])
            out.append(hexBytes[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
