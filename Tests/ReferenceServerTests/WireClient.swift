import AsyncHTTPClient
import ConformanceModel
import Foundation
import NIOCore
import ReferenceServer
import SigV4
import Testing

/// Raw HTTP against a reference server on 127.0.0.1, signing or presenting credentials as asked.
struct WireClient {
    enum Credential {
        case none
        case bearer(String)
        case sigv4(
            service: String, accessKeyId: String = ReferenceFixtures.awsAccessKeyId,
            secret: String = ReferenceFixtures.awsSecretAccessKey)
        case header(String)
        case cookie(String)
        /// Valid SigV4 credentials signed into the query string (a presigned URL).
        case presigned(service: String)
    }

    struct Reply {
        let status: Int
        let headers: [(String, String)]
        let body: String

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }

        /// The error code wherever this server's APIs keep it: `x-amzn-ErrorType`, awsJson `__type` (after `#`),
        /// Oracle's `code`, an XML `<Code>`, CenturyLink's `StatusCode`.
        var errorCode: String? {
            if let type = header("x-amzn-ErrorType") { return type }
            if let type = json["__type"] as? String { return String(type.split(separator: "#").last ?? "") }
            if let code = json["code"] as? String { return code }
            if let status = json["StatusCode"] as? Int { return String(status) }
            guard let open = body.range(of: "<Code>"),
                let close = body.range(of: "</Code>", range: open.upperBound..<body.endIndex)
            else { return nil }
            return String(body[open.upperBound..<close.lowerBound])
        }
    }

    let port: Int

    /// `host`, when given, is the `Host` header sent (and signed) in place of the address connected to.
    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [],
        credential: Credential = .none,
        timeout: Int64 = 10, host: String? = nil
    ) async throws -> Reply {
        let address = "127.0.0.1:\(port)"
        let host = host ?? address
        let (path, query) =
            target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (
                target, ""
            )
        var all = headers
        switch credential {
        case .none: break
        case .bearer(let token): all.append(("Authorization", "Bearer \(token)"))
        case .header(let value): all.append(("Authorization", value))
        case .cookie(let value): all.append(("Cookie", value))
        case .presigned: break
        case .sigv4(let service, let key, let secret):
            let request = SigV4.Request(
                method: method, path: path, query: query, headers: [("Host", host)] + all.map { ($0.0, $0.1) },
                body: body)
            all += SigV4.sign(
                request, credentials: .init(accessKeyId: key, secretAccessKey: secret), region: "us-east-1",
                service: service, date: Date()
            )
            .map { ($0.name, $0.value) }
        }
        var target = target
        if case .presigned(let service) = credential {
            let request = SigV4.Request(method: method, path: path, query: query, headers: [("Host", host)], body: body)
            target =
                path + "?"
                + SigV4Presigned.sign(
                    request,
                    credentials: .init(
                        accessKeyId: ReferenceFixtures.awsAccessKeyId,
                        secretAccessKey: ReferenceFixtures.awsSecretAccessKey),
                    region: "us-east-1", service: service, date: Date(), expires: 300)
        }
        var request = HTTPClientRequest(url: "http://\(address)\(target)")
        request.method = .init(rawValue: method)
        if host != address { request.headers.add(name: "Host", value: host) }
        for (name, value) in all { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout))
        var buffer = try await response.body.collect(upTo: 100 << 20)
        return Reply(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: buffer.readString(length: buffer.readableBytes) ?? "")
    }

    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String,
        credential: Credential = .none
    ) async throws -> Reply {
        try await send(method, target, headers: headers, body: Array(body.utf8), credential: credential)
    }

    func send(_ method: String, _ target: String, credential: Credential, bodyText: String) async throws -> Reply {
        try await send(method, target, body: Array(bodyText.utf8), credential: credential)
    }

    /// A CenturyLink session cookie from the log-on.
    func logon() async throws -> String {
        let reply = try await send(
            "POST", "/REST/Auth/Logon", headers: [("Content-Type", "application/json")],
            body:
                "{\"APIKey\":\"\(ReferenceFixtures.centuryLinkAPIKey)\",\"Password\":\"\(ReferenceFixtures.centuryLinkPassword)\"}"
        )
        return String(reply.header("Set-Cookie")?.split(separator: ";")[0] ?? "")
    }
}

/// Starts a server for one test body and always stops it.
func withServer<T>(
    defects: Set<Defect> = [], variations: Set<Variation> = [], timeScale: Double = 1,
    _ body: (WireClient) async throws -> T
) async throws -> T {
    let server = try await ReferenceServer.start(
        profiles: try ProfileLoader.loadAll(),
        options: .init(defects: defects, variations: variations, timeScale: timeScale))
    do {
        let result = try await body(WireClient(port: server.port))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

enum Ids {
    static func value(_ api: String, _ role: String) -> String {
        ReferenceFixtures.tables[api]!.roles[role]!.values.first!
    }
    static func codecatalyst(_ role: String) -> String {
        "/v1/spaces/ExampleCorp/projects/MyDemoProject/workflowRuns/\(value("codecatalyst", role))"
    }
    static func oracle(_ role: String) -> String { "/api/20210901/workRequests/\(value("oracle", role))" }
    static func s3(_ role: String) -> String { "/v20180820/async-requests/mrap/\(escape(value("s3control", role)))" }
    static func escape(_ text: String) -> String {
        text.split(separator: "/", omittingEmptySubsequences: false).map { SigV4.encode(String($0)) }.joined(
            separator: "/")
    }
    static let account = [("x-amz-account-id", ReferenceFixtures.accountId)]
    static func cloudControlBody(_ role: String) -> String { "{\"RequestToken\":\"\(value("cloudcontrol", role))\"}" }
    static let cloudControlHeaders = [
        ("X-Amz-Target", "CloudApiService.GetResourceRequestStatus"), ("Content-Type", "application/x-amz-json-1.0"),
    ]
    static func cloudControlQuery(_ token: String) -> String {
        "/?Action=GetResourceRequestStatus&RequestToken=\(SigV4.encode(token))&Version=2021-09-30"
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// Sends bytes exactly as given over a plain socket: AsyncHTTPClient rewrites some paths (a `%FF` escape became `/`),
/// and these tests need the server to see precisely what a hostile client sends.
enum RawHTTP {
    /// On a thread of its own: a blocking `read` on Swift's cooperative pool (two threads on this machine) would
    /// starve the in-process server it is waiting for.
    static func send(port: Int, _ request: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try sendBlocking(port: port, request) }) }.start()
        }
    }

    private static func sendBlocking(port: Int, _ request: String) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// Expects the reply to be HTTP `status` carrying error `code` (nil: any or none), naming both when it is not.
func expectReply(
    _ reply: WireClient.Reply, status: Int, code: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(reply.status == status, "HTTP \(reply.status): \(reply.body.prefix(300))", sourceLocation: sourceLocation)
    if let code { #expect(reply.errorCode == code, "\(reply.body.prefix(300))", sourceLocation: sourceLocation) }
}
