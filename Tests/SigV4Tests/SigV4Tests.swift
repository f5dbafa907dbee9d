import Foundation
import Testing

@testable import SigV4

/// The signer against signatures botocore computed for the same requests (`Vectors/make_sigv4_vectors.py`).
@Suite("SigV4 signing")
struct SigV4Tests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        let name, service, region, method, host, path, query, body, amzDate, authorization: String
        let headers: [String: String]
        var testDescription: String { name }
    }
    struct Presigned: Decodable, CustomTestStringConvertible, Sendable {
        let name, service, method, host, path, query: String
        var testDescription: String { name }
    }
    struct File: Decodable {
        let accessKeyId, secretAccessKey: String
        let vectors: [Vector]
        let presigned: [Presigned]
    }

    static let file: File = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Vectors/sigv4-vectors.json")
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
        let request = SigV4.Request(
            method: vector.method, path: vector.path, query: vector.query, headers: headers,
            body: Array(vector.body.utf8))
        let signature = SigV4.signature(
            for: request, signedHeaders: expected.signedHeaders, amzDate: vector.amzDate,
            scope: expected.scope, secret: Self.file.secretAccessKey)
        #expect(signature == expected.signature)
    }

    @Test("presigned query signatures verify as botocore wrote them", arguments: file.presigned)
    func presignedMatchesBotocore(_ vector: Presigned) throws {
        let read = try #require(SigV4Presigned.read(rawQuery: vector.query))
        let presigned = try read.get()
        #expect(
            presigned.signedHeaders == ["host"] && presigned.expires == 300
                && presigned.accessKeyId == Self.file.accessKeyId)
        #expect(!presigned.signedQuery.contains("X-Amz-Signature"))
        let request = SigV4.Request(
            method: vector.method, path: vector.path, query: presigned.signedQuery,
            headers: [("host", vector.host)], body: [])
        func sign(_ secret: String) -> String {
            SigV4.signature(
                for: request, signedHeaders: presigned.signedHeaders, amzDate: presigned.amzDate,
                scope: presigned.scope,
                secret: secret, payloadHash: vector.service == "s3" ? SigV4.unsignedPayload : nil)
        }
        #expect(sign(Self.file.secretAccessKey) == presigned.signature)
        #expect(sign("another secret") != presigned.signature)
    }

    @Test("a query without a presigned signature is not one; an incomplete one is malformed")
    func presignedParsing() {
        #expect(SigV4Presigned.read(rawQuery: "Action=GetResourceRequestStatus&RequestToken=x") == nil)
        let incomplete = SigV4Presigned.read(
            rawQuery:
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request")
        #expect(throws: SigV4Presigned.Malformed.self) { try incomplete?.get() }
    }

    @Test("timestamps and percent-encoding as SigV4 spells them")
    func spelling() {
        #expect(SigV4.timestamp(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(SigV4.timestamp(Date(timeIntervalSince1970: 1_764_000_095.9)) == "20251124T160135Z")
        #expect(SigV4.date("20251124T160135Z") == Date(timeIntervalSince1970: 1_764_000_095))
        #expect(SigV4.encode("a b/é~") == "a%20b%2F%C3%A9~")
        #expect(SigV4.hex([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(SigV4.encode("plain-Value_1.~") == "plain-Value_1.~")
    }

    @Test("query text as sent, decoded before it is encoded again: + and %XX read, a broken escape kept as sent")
    func decodedQuery() {
        #expect(SigV4.decode("a+b%2Fc%3D") == "a b/c=")
        #expect(SigV4.decode("%C3%A9t%c3%a9") == "été")
        #expect(SigV4.decode("plain") == "plain")
        for broken in ["100%", "%zz", "%4", "%C3"] { #expect(SigV4.decode(broken) == broken) }
        #expect(SigV4.canonicalQuery("b=2&a=x+y&a=%41") == "a=A&a=x%20y&b=2")
    }

    @Test("header values as SigV4 signs them: blanks trimmed at the ends, runs of spaces made one")
    func collapsedValues() {
        #expect(SigV4.collapse("  a   b  ") == "a b")
        #expect(SigV4.collapse("\ta b\t") == "a b")
        #expect(SigV4.collapse("a b") == "a b")
        #expect(SigV4.collapse("a\tb") == "a\tb")
        #expect(SigV4.collapse("") == "")
    }

    @Test("sign() produces a header botocore's parser shape accepts and that verifies")
    func signRoundTrip() throws {
        let credentials = SigV4.AccessKey(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
        let request = SigV4.Request(
            method: "GET", path: "/v20180820/async-requests/mrap/arn:x", query: "", headers: [("Host", "h")], body: [])
        let added = SigV4.sign(
            request, credentials: credentials, region: "us-east-1", service: "s3", date: Date(timeIntervalSince1970: 0))
        let header = try #require(added.first { $0.name == "Authorization" }?.value)
        let parsed = try #require(SigV4Authorization(header: header))
        #expect(parsed.signedHeaders == ["host", "x-amz-content-sha256", "x-amz-date"])
        #expect(SigV4Authorization(header: "AWS4-HMAC-SHA256 Credential=bad") == nil)
    }
}
