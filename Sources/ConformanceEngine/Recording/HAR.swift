import Foundation

/// HTTP Archive 1.2, what browsers' developer tools open, as far as a run's exchanges need it. The suite's own fields
/// begin with `_`, as the format allows: each entry's case (`_caseId`), whether it was a log-on (`_logon`), why an
/// exchange got no answer (`_error`), and the run itself (`log._conformance`).
package struct HAR: Codable, Sendable {
    package var log: Log

    package struct Log: Codable, Sendable {
        var version = "1.2"
        var creator: Creator
        package var entries: [Entry]
        package var run: RecordedRun

        enum CodingKeys: String, CodingKey {
            case version, creator, entries
            case run = "_conformance"
        }
    }

    struct Creator: Codable, Sendable {
        var name: String
        var version: String
    }

    struct Field: Codable, Sendable, Hashable {
        var name: String
        var value: String
    }

    package struct Entry: Codable, Sendable {
        var startedDateTime: String
        /// Milliseconds from the request to the answer's last byte.
        var time: Double
        var request: Request
        var response: Response
        var cache = Cache()
        var timings: Timings
        package var caseID: String?
        var logon: Bool?

        enum CodingKeys: String, CodingKey {
            case startedDateTime, time, request, response, cache, timings
            case caseID = "_caseId"
            case logon = "_logon"
        }
    }

    struct Cache: Codable, Sendable {}

    struct Timings: Codable, Sendable {
        var send: Double
        var wait: Double
        var receive: Double
    }

    struct Request: Codable, Sendable, Hashable {
        var method: String
        var url: String
        var httpVersion = "HTTP/1.1"
        var cookies: [Field] = []
        var headers: [Field]
        var queryString: [Field]
        var postData: PostData?
        var headersSize = -1
        var bodySize: Int
    }

    struct PostData: Codable, Sendable, Hashable {
        var mimeType: String
        var text: String
        /// `base64` for a body that is not UTF-8 (HAR gives `encoding` only to answers).
        var encoding: String?

        enum CodingKeys: String, CodingKey {
            case mimeType, text
            case encoding = "_encoding"
        }
    }

    struct Response: Codable, Sendable {
        /// 0 where no answer came; `_error` says why.
        var status: Int
        var statusText = ""
        var httpVersion = "HTTP/1.1"
        var cookies: [Field] = []
        var headers: [Field]
        var content: Content
        var redirectURL = ""
        var headersSize = -1
        var bodySize: Int
        var error: TransportError?

        enum CodingKeys: String, CodingKey {
            case status, statusText, httpVersion, cookies, headers, content, redirectURL, headersSize, bodySize
            case error = "_error"
        }
    }

    struct Content: Codable, Sendable {
        var size: Int
        var mimeType: String
        var text: String?
        var encoding: String?
    }
}
