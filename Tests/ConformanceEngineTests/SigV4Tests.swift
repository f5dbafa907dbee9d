import Foundation
import SigV4
import Testing

/// The signer against signatures botocore computed for the same requests (`Vectors/make_sigv4_vectors.py`).
@Suite("SigV4 signing")
struct SigV4Tests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        let name, service, region, method, host, path, query, body, amzDate, authorization: String
        let headers: [String: String]
        var testDescription: String { name }
    }
    struct File: Decodable {
        let accessKeyId, secretAccessKey: String
        let vectors: [Vector]
    }

    static let file: File = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/sigv4-vectors.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    @Test("signatures equal botocore's", arguments: file.vectors)
    func matchesBotocore(_ vector: Vector) throws {
        let expected = try #require(SigV4Authorization(header: vector.authorization))
        var headers = vector.headers.map { (name: $0.key, value: $0.value) }
        headers.append(("Host", vector.host))
        headers.append(("X-Amz-Date", vector.amzDate))
        if vector.service == "s3" {
            headers.append(("x-amz-content-sha256", SigV4.payloadHash(Array(vector.body.utf8))))
        }
        let request = SigV4.Request(method: vector.method, path: vector.path, query: vector.query, headers: headers,
                                    body: Array(vector.body.utf8))
        let signature = SigV4.signature(for: request, signedHeaders: expected.signedHeaders, amzDate: vector.amzDate,
                                        scope: expected.scope, secret: Self.file.secretAccessKey)
        #expect(signature == expected.signature)
    }

    @Test("sign() produces a header botocore's parser shape accepts and that verifies")
    func signRoundTrip() throws {
        let credentials = SigV4.Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
        let request = SigV4.Request(method: "GET", path: "/v20180820/async-requests/mrap/arn:x", query: "", headers: [("Host", "h")], body: [])
        let added = SigV4.sign(request, credentials: credentials, region: "us-east-1", service: "s3", date: Date(timeIntervalSince1970: 0))
        let header = try #require(added.first { $0.name == "Authorization" }?.value)
        let parsed = try #require(SigV4Authorization(header: header))
        #expect(parsed.signedHeaders == ["host", "x-amz-content-sha256", "x-amz-date"])
        #expect(SigV4Authorization(header: "AWS4-HMAC-SHA256 Credential=bad") == nil)
    }
}

