#!/usr/bin/env python3
"""Writes sigv4-vectors.json: signatures botocore computes for fixed requests, to test the Swift signer against.

Run from this folder: python3 make_sigv4_vectors.py  (needs botocore; the tests only read the JSON).
"""
import json
from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CREDS = Credentials("AKIDCONFORMANCE00001", "conformance/secret/EXAMPLEKEY+0001")
CASES = [
    ("cloudcontrol-json", SigV4Auth, "cloudcontrolapi", "POST", "http://127.0.0.1:8080/",
     {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "CloudApiService.GetResourceRequestStatus"},
     '{"RequestToken":"b4a1cc5a-a2ae-4dec-9e1e-150123456789"}'),
    ("cloudcontrol-query", SigV4Auth, "cloudcontrolapi", "GET",
     "http://127.0.0.1:8080/?Action=GetResourceRequestStatus&Version=2021-09-30&RequestToken=a%2Bb%2Fc%3D", {}, ""),
    ("s3control-token", S3SigV4Auth, "s3", "GET",
     "http://127.0.0.1:9000/v20180820/async-requests/mrap/arn:aws:s3:us-east-1:123456789012:async-request/mrap/create/abc%20def",
     {"x-amz-account-id": "123456789012"}, ""),
]

vectors = []
for name, signer, service, method, url, headers, body in CASES:
    request = AWSRequest(method=method, url=url, headers=dict(headers), data=body.encode())
    signer(CREDS, service, "us-east-1").add_auth(request)  # each vector keeps the X-Amz-Date it was signed at
    split = url.split("://", 1)[1]
    host, _, rest = split.partition("/")
    path, _, query = ("/" + rest).partition("?")
    vectors.append({
        "name": name, "service": service, "region": "us-east-1", "method": method, "host": host,
        "path": path, "query": query, "headers": headers, "body": body,
        "amzDate": request.headers["X-Amz-Date"], "authorization": request.headers["Authorization"],
    })

# Presigned: the signature travels in the query string (the Cloud Control document's query example).
PRESIGNED = [
    ("cloudcontrol-presigned", SigV4QueryAuth, "cloudcontrolapi",
     "http://127.0.0.1:8080/?Action=GetResourceRequestStatus&Version=2021-09-30&RequestToken=a%2Bb%2Fc%3D"),
    ("s3control-presigned", S3SigV4QueryAuth, "s3",
     "http://123456789012.127.0.0.1:9000/v20180820/async-requests/mrap/arn%3Aaws%3As3%3Aus-east-1%3A123456789012%3Aasync-request/mrap/create/abc"),
]
presigned = []
for name, signer, service, url in PRESIGNED:
    request = AWSRequest(method="GET", url=url)
    signer(CREDS, service, "us-east-1", expires=300).add_auth(request)
    host, _, rest = request.url.split("://", 1)[1].partition("/")
    path, _, query = ("/" + rest).partition("?")
    presigned.append({"name": name, "service": service, "method": "GET", "host": host, "path": path, "query": query})

with open("sigv4-vectors.json", "w") as out:
    json.dump({"accessKeyId": CREDS.access_key, "secretAccessKey": CREDS.secret_key, "vectors": vectors,
               "presigned": presigned}, out, indent=2)
    out.write("\n")
