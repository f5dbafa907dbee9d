import Foundation
import HTTPTypes
import Hummingbird

/// What an API handler answers; turned into a Hummingbird response at the edge.
struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// Hostile-target defects delay the answer,
    var delay: Duration?
    /// or send only this many bytes of a body whose full length they announce, then drop the connection,
    var dropAfter: Int?
    /// or send the body one byte at a time with this pause between bytes.
    var trickle: Duration?
    /// The fixture role the answer is about (`succeeded`, `in-progress`…), where it is about one: what a defect that
    /// changes only one fixture's answer looks for.
    var fixtureRole: String?

    init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    static func json(
        _ status: Int, _ object: [String: Any], contentType: String = "application/json",
        headers: [(String, String)] = []
    ) -> Reply {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return Reply(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(data))
    }

    static func xml(
        _ status: Int, _ text: String, contentType: String = "application/xml", headers: [(String, String)] = []
    ) -> Reply {
        Reply(
            status: status, headers: [("Content-Type", contentType)] + headers,
            body: Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text).utf8))
    }

    /// This answer, marked as being about fixture `role`.
    func about(_ role: String) -> Reply {
        var copy = self
        copy.fixtureRole = role
        return copy
    }

    func with(header name: String, _ value: String) -> Reply {
        var copy = self
        copy.headers.removeAll { $0.0.caseInsensitiveCompare(name) == .orderedSame }
        copy.headers.append((name, value))
        return copy
    }

    /// The Hummingbird response; deliberately slow bodies end as soon as `stopping` is raised.
    func response(stopping: StopSignal) -> Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let key = HTTPField.Name(name) { fields.append(HTTPField(name: key, value: value)) }
        }
        if let trickle {
            let bytes = body
            return Response(
                status: .init(code: status), headers: fields,
                body: ResponseBody(contentLength: bytes.count) { writer in
                    for byte in bytes {
                        if stopping.isRaised { throw CancellationError() }
                        try await writer.write(ByteBuffer(bytes: [byte]))
                        await stopping.sleep(upTo: trickle)
                    }
                })
        }
        if let dropAfter {
            let prefix = ByteBuffer(bytes: body.prefix(dropAfter))
            let announced = body.count
            return Response(
                status: .init(code: status), headers: fields,
                body: ResponseBody(contentLength: announced) { writer in
                    try await writer.write(prefix)
                    throw CancellationError()
                })
        }
        return Response(
            status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Timestamps as the APIs write them.
enum WireTime {
    static func rfc3339(_ date: Date, secondsFromGMT: Int = 0) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(secondsFromGMT: secondsFromGMT)
        return formatter.string(from: date)
    }

    /// ISO 8601 without a zone, as CenturyLink's XML writes it (in GMT here).
    static func isoLocal(_ date: Date) -> String {
        String(rfc3339(date).dropLast())
    }

    static func epochSeconds(_ date: Date) -> Double {
        (date.timeIntervalSince1970 * 1000).rounded() / 1000
    }

    static func msDate(_ date: Date) -> String {
        "/Date(\(Int64((date.timeIntervalSince1970 * 1000).rounded())))/"
    }
}
