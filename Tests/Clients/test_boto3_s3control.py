"""boto3 `s3control.describe_multi_region_access_point_operation` against the reference server. The SDK sends it to
`{AccountId}.<endpoint>`, so every call here also shows the server answering whatever Host the request carries."""
import urllib.request

import pytest
from botocore.exceptions import ClientError

from conftest import AWS_SECRET, poll, serve
from sdk import aws_client, check_against_model

OPERATION = "DescribeMultiRegionAccessPointOperation"
STATUS = {"succeeded": {"SUCCEEDED"}, "failed": {"FAILED"}, "in-progress": {"NEW", "IN_PROGRESS"}}


def arn(fixtures, role):
    return fixtures["s3control"]["roles"][role]["RequestTokenARN"]


def account(fixtures):
    return fixtures["s3control"]["defaults"]["AccountId"]


def operation_of(client, fixtures, token_arn):
    hosts = []
    client.meta.events.register("before-send", lambda request, **_: hosts.append(request.url.split("/")[2]))
    output = client.describe_multi_region_access_point_operation(AccountId=account(fixtures), RequestTokenARN=token_arn)
    assert hosts and hosts[0].startswith(account(fixtures) + "."), hosts
    check_against_model(client, OPERATION, output)
    operation = output["AsyncOperation"]
    assert operation["RequestTokenARN"] == token_arn
    return operation


@pytest.mark.parametrize("role", sorted(STATUS))
def test_fixture_role_parses(server, fixtures, role):
    operation = operation_of(aws_client("s3control", server), fixtures, arn(fixtures, role))
    assert operation["RequestStatus"] in STATUS[role]
    assert operation["Operation"] == "CreateMultiRegionAccessPoint"
    if role == "failed":
        assert operation["ResponseDetails"]["ErrorDetails"]["Code"]


def test_lifecycle_reaches_succeeded(server, fixtures):
    client = aws_client("s3control", server)
    operations = poll(lambda: operation_of(client, fixtures, arn(fixtures, "lifecycle")),
                      lambda o: o["RequestStatus"] == "SUCCEEDED")
    assert operations[-1]["RequestStatus"] == "SUCCEEDED" and len(operations) >= 2


ERRORS = [
    ("throttled", "SlowDown", 503),
    ("server-error", "InternalError", 500),
    ("arn:aws:s3:us-east-1:123456789012:async-request/mrap/createmultiregionaccesspoint/0000000000009999", "NoSuchAsyncRequest", 404),
]


@pytest.mark.parametrize("role,code,status", ERRORS, ids=[e[1] for e in ERRORS])
def test_documented_error_is_raised(server, fixtures, role, code, status):
    # The model lists no exceptions for this operation, so boto3 raises its ClientError with the code.
    client = aws_client("s3control", server)
    value = fixtures["s3control"]["roles"].get(role, {}).get("RequestTokenARN", role)
    with pytest.raises(ClientError) as raised:
        client.describe_multi_region_access_point_operation(AccountId=account(fixtures), RequestTokenARN=value)
    assert raised.value.response["Error"]["Code"] == code
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == status


def test_other_account_is_denied(server, fixtures):
    client = aws_client("s3control", server)
    with pytest.raises(ClientError) as raised:
        client.describe_multi_region_access_point_operation(AccountId="210987654321", RequestTokenARN=arn(fixtures, "succeeded"))
    assert raised.value.response["Error"]["Code"] == "AccessDenied"


def test_wrong_secret_is_refused(server, fixtures):
    client = aws_client("s3control", server, secret="not-the-secret")
    with pytest.raises(ClientError) as raised:
        client.describe_multi_region_access_point_operation(AccountId=account(fixtures), RequestTokenARN=arn(fixtures, "succeeded"))
    assert raised.value.response["Error"]["Code"] == "SignatureDoesNotMatch"


def test_presigned_url_with_the_account_header(server, fixtures):
    """`generate_presigned_url` signs only the Host; the account header travels beside the URL."""
    client = aws_client("s3control", server)
    url = client.generate_presigned_url("describe_multi_region_access_point_operation", Params={"AccountId": account(fixtures), "RequestTokenARN": arn(fixtures, "succeeded")},
                                        ExpiresIn=300)
    assert "X-Amz-Signature=" in url
    host = url.split("/")[2]
    request = urllib.request.Request(url.replace(host, "127.0.0.1:%d" % server.port, 1),
                                     headers={"Host": host, "x-amz-account-id": account(fixtures)})
    with urllib.request.urlopen(request) as answer:
        assert b"<RequestStatus>SUCCEEDED</RequestStatus>" in answer.read()


def test_a_defect_breaks_the_client_test(fixtures):
    """`succeeded-answers-failed` reports a finished operation as FAILED; the role test notices."""
    with serve("--defect", "s3control.succeeded-answers-failed") as broken:
        with pytest.raises(AssertionError, match="FAILED"):
            test_fixture_role_parses(broken, fixtures, "succeeded")
