"""The AWS error answers of the differential test: each is read by botocore's own parser for its protocol, and the
suite's reader (Sources/ConformanceEngine/Validation/AWSErrorReading.swift) must read the same code, message, request
id and type (Tests/ConformanceEngineTests/AWSErrorReadingTests.swift).

`python3 Tests/Corpus/aws_errors.py` writes aws-errors.json from ANSWERS with what botocore reads;
`pytest Tests/Corpus` checks that the installed botocore still reads every recorded answer that way."""
import http.client
import json
import pathlib
import sys
from xml.etree import ElementTree

import botocore.session
from botocore.awsrequest import HeadersDict
from botocore.parsers import ResponseParserError, create_parser

CORPUS = pathlib.Path(__file__).with_name("aws-errors.json")

# protocol -> (botocore parser, service, operation whose output shape the parser is given)
PROTOCOLS = {
    "aws-json": ("json", "cloudcontrol", "GetResourceRequestStatus"),
    "rest-json": ("rest-json", "codecatalyst", "GetWorkflowRun"),
    "aws-query": ("query", "cloudcontrol", "GetResourceRequestStatus"),
    "rest-xml": ("rest-xml", "s3control", "DescribeMultiRegionAccessPointOperation"),
}

FAULT = "http://webservices.amazon.com/AWSFault/2005-15-09"
S3C = "http://awss3control.amazonaws.com/doc/2018-08-20/"
HTML = "<html><body><b>Http/1.1 Service Unavailable</b></body></html>"

# (name, protocol, status, headers, body)
ANSWERS = [
    ("json-plain", "aws-json", 400, {}, '{"__type":"RequestTokenNotFoundException","message":"m"}'),
    ("json-namespaced", "aws-json", 400, {}, '{"__type":"com.amazonaws.cloudcontrol#RequestTokenNotFoundException","Message":"M"}'),
    ("json-detail", "aws-json", 400, {}, '{"__type":"ValidationException:http://internal.amazon.com/coral/validate/","message":"x"}'),
    ("json-colon-before-hash", "aws-json", 400, {}, '{"__type":"a:b#c","message":"x"}'),
    ("json-no-type", "aws-json", 400, {}, '{"message":"no type"}'),
    ("json-empty-400", "aws-json", 400, {}, ""),
    ("json-not-json", "aws-json", 400, {}, "not json"),
    ("json-trailing-comma", "aws-json", 400, {}, '{"__type":"A","message":"m",}'),
    ("json-empty-500", "aws-json", 500, {}, ""),
    ("json-html-503", "aws-json", 503, {}, HTML),
    ("json-503-typed", "aws-json", 503, {}, '{"__type":"ServiceUnavailable","message":"down"}'),
    ("json-header-ignored", "aws-json", 400, {"x-amzn-ErrorType": "ThrottlingException"}, '{"message":"m"}'),
    ("json-repeated-type", "aws-json", 400, {}, '{"__type":"First","__type":"Second","message":"m"}'),
    ("json-request-id", "aws-json", 400, {"x-amzn-RequestId": "rid-1"}, '{"__type":"ThrottlingException","message":"slow"}'),
    ("json-both-messages", "aws-json", 400, {}, '{"__type":"A","message":"lower","Message":"upper"}'),
    ("restjson-header", "rest-json", 404, {"x-amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/"}, '{"message":"m"}'),
    ("restjson-lowercase-header", "rest-json", 403, {"x-amzn-errortype": "AccessDeniedException"}, '{"message":"no"}'),
    ("restjson-body-code", "rest-json", 409, {}, '{"code":"ConflictException","message":"m"}'),
    ("restjson-body-Code", "rest-json", 402, {}, '{"Code":"ServiceQuotaExceededException","Message":"m"}'),
    ("restjson-type-only", "rest-json", 429, {}, '{"__type":"aws#ThrottlingException","message":"m"}'),
    ("restjson-header-wins", "rest-json", 400, {"x-amzn-ErrorType": "ValidationException"}, '{"__type":"Other","code":"Another","message":"m"}'),
    ("restjson-no-code", "rest-json", 404, {}, '{"message":"Not Found"}'),
    ("restjson-code-hash-colon", "rest-json", 400, {}, '{"code":"A#B:C","message":"m"}'),
    ("restjson-html-404", "rest-json", 404, {}, "<html><body>Not Found</body></html>"),
    ("restjson-empty-404", "rest-json", 404, {}, ""),
    ("query-plain", "aws-query", 400, {}, "<ErrorResponse><Error><Type>Sender</Type><Code>RequestTokenNotFoundException</Code><Message>m</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"),
    ("query-namespaced", "aws-query", 400, {}, f'<ErrorResponse xmlns="{FAULT}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad</Message></Error><RequestId>r-2</RequestId></ErrorResponse>'),
    ("query-prefixed", "aws-query", 403, {}, f'<a:ErrorResponse xmlns:a="{FAULT}"><a:Error><a:Type>Sender</a:Type><a:Code>MissingAuthenticationToken</a:Code><a:Message>m</a:Message></a:Error><a:RequestId>r-3</a:RequestId></a:ErrorResponse>'),
    ("query-errors-list", "aws-query", 400, {}, "<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>m</Message></Error></Errors><RequestID>r-4</RequestID></Response>"),
    ("query-other-root", "aws-query", 400, {}, "<Fault><Error><Code>Throttling</Code><Message>slow</Message></Error></Fault>"),
    ("query-error-root", "aws-query", 400, {}, "<Error><Code>X</Code><Message>m</Message></Error>"),
    ("query-no-error", "aws-query", 400, {}, "<ErrorResponse><RequestId>r-5</RequestId></ErrorResponse>"),
    ("query-padded-code", "aws-query", 400, {}, "<ErrorResponse><Error><Code> Padded </Code><Message>m</Message></Error></ErrorResponse>"),
    ("query-declaration", "aws-query", 400, {}, '<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse>\n  <Error>\n    <Code>IncompleteSignature</Code>\n    <Message>m</Message>\n  </Error>\n  <RequestId>r-6</RequestId>\n</ErrorResponse>\n'),
    ("query-not-xml", "aws-query", 400, {}, "Bad Request"),
    ("query-empty-400", "aws-query", 400, {}, ""),
    ("query-empty-500", "aws-query", 500, {}, ""),
    ("query-html-503", "aws-query", 503, {}, HTML),
    ("restxml-s3-error", "rest-xml", 404, {"x-amz-request-id": "hdr-1"}, "<Error><Code>NoSuchAsyncRequest</Code><Message>m</Message><RequestId>body-1</RequestId></Error>"),
    ("restxml-namespaced-error-root", "rest-xml", 404, {}, f'<Error xmlns="{S3C}"><Code>NoSuchAsyncRequest</Code><Message>m</Message></Error>'),
    ("restxml-error-response", "rest-xml", 400, {}, f'<ErrorResponse xmlns="{S3C}"><Error><Type>Sender</Type><Code>InvalidRequest</Code><Message>m</Message></Error><RequestId>r-7</RequestId></ErrorResponse>'),
    ("restxml-other-root", "rest-xml", 400, {}, "<Fault><Error><Code>InvalidArgument</Code><Message>m</Message></Error></Fault>"),
    ("restxml-no-code", "rest-xml", 400, {}, "<Error><Message>m</Message></Error>"),
    ("restxml-nothing", "rest-xml", 400, {}, "<Foo><Bar/></Foo>"),
    ("restxml-empty-404", "rest-xml", 404, {}, ""),
    ("restxml-not-xml", "rest-xml", 404, {}, "Not Found"),
    ("restxml-html-503", "rest-xml", 503, {}, HTML),
    ("restxml-503-slowdown", "rest-xml", 503, {}, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"),
]


def botocore_reads(protocol, status, headers, body):
    """What botocore's parser makes of the answer: its Error and ResponseMetadata, or 'raises'."""
    parser_name, service, operation = PROTOCOLS[protocol]
    model = botocore.session.get_session().get_service_model(service).operation_model(operation)
    response = {"status_code": status, "headers": HeadersDict(headers), "body": body.encode("utf-8")}
    try:
        parsed = create_parser(parser_name).parse(response, model.output_shape)
    except ResponseParserError:
        return {"raises": True}
    error = parsed.get("Error") or {}
    code = error.get("Code") or None
    message = error.get("Message") or None
    # Where the answer carries no code botocore reports the HTTP status, and the status's reason as the message: a
    # 5xx that is empty or an HTML page, any body a json parser finds no __type in, a rest-xml body it cannot read.
    stripped = body.strip()
    generic = status >= 500 and (not stripped or stripped.startswith("<html>"))
    unread = generic or (protocol == "rest-xml" and not _is_xml(body))
    from_status = unread or (protocol in ("aws-json", "rest-json") and not _names_code(protocol, headers, body))
    return {
        "code": code,
        "protocolCode": None if from_status else code,
        "message": None if unread and message == http.client.responses.get(status) else message,
        "requestId": (parsed.get("ResponseMetadata") or {}).get("RequestId") or None,
        "type": error.get("Type") or None,
    }


def _is_xml(body):
    try:
        ElementTree.fromstring(body)
        return True
    except ElementTree.ParseError:
        return False


def _names_code(protocol, headers, body):
    """Whether the answer names a code where the json protocols look for one."""
    try:
        members = json.loads(body)
    except ValueError:
        return False
    if not isinstance(members, dict):
        return False
    if "__type" in members:
        return True
    named = {name.lower() for name in headers}
    return protocol == "rest-json" and ("x-amzn-errortype" in named or "code" in members or "Code" in members)


def entries():
    return [
        {"name": name, "protocol": protocol, "status": status, "headers": headers, "body": body,
         "botocore": botocore_reads(protocol, status, headers, body)}
        for name, protocol, status, headers, body in ANSWERS
    ]


if __name__ == "__main__":
    CORPUS.write_text(json.dumps(entries(), indent=2, ensure_ascii=False) + "\n")
    sys.stdout.write(f"wrote {CORPUS} ({len(ANSWERS)} answers)\n")
