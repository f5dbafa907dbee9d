"""boto3 `cloudcontrol.get_resource_request_status` against the reference server: every fixture role, the documented
errors as the SDK raises them, and the seed's presigned query form."""
import urllib.request
import xml.etree.ElementTree as ET

import botocore.auth
import botocore.awsrequest
import botocore.credentials
import pytest
from botocore.exceptions import ClientError

from conftest import AWS_KEY, AWS_SECRET, REGION, poll, serve
from sdk import aws_client, check_against_model

OPERATION = "GetResourceRequestStatus"
STATUS = {"succeeded": {"SUCCESS"}, "failed": {"FAILED"}, "in-progress": {"PENDING", "IN_PROGRESS"}}


def token(fixtures, role):
    return fixtures["cloudcontrol"]["roles"][role]["RequestToken"]


def status_of(client, request_token):
    output = client.get_resource_request_status(RequestToken=request_token)
    check_against_model(client, OPERATION, output)
    event = output["ProgressEvent"]
    assert event["RequestToken"] == request_token
    return event


@pytest.mark.parametrize("role", sorted(STATUS))
def test_fixture_role_parses(server, fixtures, role):
    event = status_of(aws_client("cloudcontrol", server), token(fixtures, role))
    assert event["OperationStatus"] in STATUS[role]
    if role == "failed":
        assert event["ErrorCode"] and event["StatusMessage"]


def test_lifecycle_reaches_success_with_time_moving_forward(server, fixtures):
    client = aws_client("cloudcontrol", server)
    events = poll(lambda: status_of(client, token(fixtures, "lifecycle")), lambda e: e["OperationStatus"] == "SUCCESS")
    assert events[-1]["OperationStatus"] == "SUCCESS"
    assert len(events) >= 2
    times = [e["EventTime"] for e in events]
    assert times == sorted(times)


ERRORS = [
    # (role or literal token, modeled exception class name or None, error code, HTTP status)
    ("access-denied", None, "AccessDeniedException", 400),
    ("throttled", "ThrottlingException", "ThrottlingException", 400),
    ("server-error", None, "InternalFailure", 500),
    ("unavailable", None, "ServiceUnavailable", 503),
    ("11111111-2222-4333-8444-999999999999", "RequestTokenNotFoundException", "RequestTokenNotFoundException", 400),
    ("a" * 129, None, "ValidationException", 400),
]


def raise_documented_error(server, fixtures, role, modeled, code, status):
    client = aws_client("cloudcontrol", server)
    value = fixtures["cloudcontrol"]["roles"].get(role, {}).get("RequestToken", role)
    expected = getattr(client.exceptions, modeled) if modeled else ClientError
    with pytest.raises(expected) as raised:
        client.get_resource_request_status(RequestToken=value)
    assert raised.value.response["Error"]["Code"] == code
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == status


@pytest.mark.parametrize("role,modeled,code,status", ERRORS, ids=[e[2] + ":" + e[0][:20] for e in ERRORS])
def test_documented_error_raises_modeled_exception(server, fixtures, role, modeled, code, status):
    raise_documented_error(server, fixtures, role, modeled, code, status)


@pytest.mark.parametrize("key,secret,code", [
    ("AKIDUNKNOWN000000000", AWS_SECRET, "InvalidClientTokenId"),
    (AWS_KEY, "not-the-secret", "SignatureDoesNotMatch"),
])
def test_bad_credentials_are_refused(server, fixtures, key, secret, code):
    client = aws_client("cloudcontrol", server, key=key, secret=secret)
    with pytest.raises(ClientError) as raised:
        client.get_resource_request_status(RequestToken=token(fixtures, "succeeded"))
    assert raised.value.response["Error"]["Code"] == code


def presigned_query_url(server, request_token, secret=AWS_SECRET):
    """The seed's query form, `GET /?Action=GetResourceRequestStatus&…&X-Amz-Signature=…`, signed by botocore."""
    request = botocore.awsrequest.AWSRequest(method="GET", url=server.url + "/", params={
        "Action": "GetResourceRequestStatus", "Version": "2021-09-30", "RequestToken": request_token})
    credentials = botocore.credentials.Credentials(AWS_KEY, secret)
    botocore.auth.SigV4QueryAuth(credentials, "cloudcontrolapi", REGION, expires=300).add_auth(request)
    return request.prepare().url


def test_presigned_query_form_answers_the_seed_example(server, fixtures):
    url = presigned_query_url(server, token(fixtures, "succeeded"))
    assert "X-Amz-Signature=" in url and "Authorization" not in url
    with urllib.request.urlopen(url) as answer:
        document = ET.fromstring(answer.read())
    event = document.find("./GetResourceRequestStatusResult/ProgressEvent")
    assert event.findtext("OperationStatus") == "SUCCESS"
    assert event.findtext("RequestToken") == token(fixtures, "succeeded")


def test_presigned_query_with_a_wrong_secret_is_refused(server, fixtures):
    url = presigned_query_url(server, token(fixtures, "succeeded"), secret="not-the-secret")
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(url)
    assert raised.value.code == 403
    assert b"SignatureDoesNotMatch" in raised.value.read()


def test_a_defect_breaks_the_client_test(fixtures):
    """`unavailable-as-html-200` answers a 503 as an HTML 200: boto3 then raises nothing, so the error test fails."""
    with serve("--defect", "cloudcontrol.unavailable-as-html-200") as broken:
        with pytest.raises(pytest.fail.Exception, match="DID NOT RAISE"):
            raise_documented_error(broken, fixtures, "unavailable", None, "ServiceUnavailable", 503)
