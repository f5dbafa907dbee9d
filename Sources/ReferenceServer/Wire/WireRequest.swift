import Foundation
import HTTPTypes
import Hummingbird

/// A request as received, before any decoding the API itself would not do: raw path segments, raw query,
/// header lookup by name, and the body (or the fact that it was too large).
struct WireRequest: Sendable {
    static let bodyLimit = 1 << 20

    let method: String
    let rawPath: String
    let rawQuery: String
    let host: String
    let headers: HTTPFields
    let body: [UInt8]
    let bodyTooLarge: Bool

    static func read(_ request: Request) async -> WireRequest {
        let target = request.head.path ?? "/"
        let (path, query) =
            target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) }
            ?? (target, "")
        var bytes: [UInt8] = []
        var tooLarge = false
        do {
            var buffer = try await request.body.collect(upTo: bodyLimit)
            bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            tooLarge = true
        }
        return WireRequest(
            method: request.method.rawValue, rawPath: path, rawQuery: query,
            host: request.head.authority ?? "", headers: request.headers, body: bytes, bodyTooLarge: tooLarge)
    }

    /// Raw (still percent-encoded) path segments after the leading slash.
    var segments: [String] {
        rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// Query parameters, decoded, in order.
    var query: [(name: String, value: String)] {
        rawQuery.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(String(parts[0])), parts.count > 1 ? Self.decode(String(parts[1])) : "")
        }
    }

    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Percent-decoding; nil for malformed escapes or bytes that are not UTF-8, which the APIs reject.
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "\u{FFFD}"
    }

    static func decodeSegment(_ text: String) -> String? { text.removingPercentEncoding }

    func cookie(_ name: String) -> String? {
        guard let header = header("Cookie") else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return String(pair[1]) }
        }
        return nil
    }
}
