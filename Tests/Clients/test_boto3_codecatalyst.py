"""boto3 `codecatalyst.get_workflow_run` with a bearer token provider against the reference server: every fixture
role, and every documented error as the modeled exception the SDK raises."""
import pytest

from conftest import poll, serve
from sdk import check_against_model, codecatalyst_client

OPERATION = "GetWorkflowRun"
STATUS = {"succeeded": {"SUCCEEDED"}, "failed": {"FAILED"}, "in-progress": {"NOT_STARTED", "PROVISIONING", "IN_PROGRESS", "VALIDATING"}}


def run_of(client, fixtures, run_id):
    defaults = fixtures["codecatalyst"]["defaults"]
    output = client.get_workflow_run(spaceName=defaults["spaceName"], projectName=defaults["projectName"], id=run_id)
    check_against_model(client, OPERATION, output)
    assert output["id"] == run_id
    if "endTime" in output:
        assert output["endTime"] >= output["startTime"]
    return output


def run_id(fixtures, role):
    return fixtures["codecatalyst"]["roles"][role]["id"]


@pytest.mark.parametrize("role", sorted(STATUS))
def test_fixture_role_parses(server, fixtures, role):
    run = run_of(codecatalyst_client(server), fixtures, run_id(fixtures, role))
    assert run["status"] in STATUS[role]


def test_lifecycle_reaches_succeeded(server, fixtures):
    client = codecatalyst_client(server)
    runs = poll(lambda: run_of(client, fixtures, run_id(fixtures, "lifecycle")), lambda r: r["status"] == "SUCCEEDED")
    assert runs[-1]["status"] == "SUCCEEDED" and len(runs) >= 2


ERRORS = [
    # (role or literal id, modeled exception, HTTP status)
    ("conflict", "ConflictException", 409),
    ("quota", "ServiceQuotaExceededException", 402),
    ("throttled", "ThrottlingException", 429),
    ("a1b2c3d4-5678-90ab-cdef-999999999999", "ResourceNotFoundException", 404),
    ("not-a-uuid", "ValidationException", 400),
]


def raise_documented_error(client, fixtures, role, modeled, status):
    value = fixtures["codecatalyst"]["roles"].get(role, {}).get("id", role)
    with pytest.raises(getattr(client.exceptions, modeled)) as raised:
        run_of(client, fixtures, value)
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == status


@pytest.mark.parametrize("role,modeled,status", ERRORS, ids=[e[1] for e in ERRORS])
def test_documented_error_raises_modeled_exception(server, fixtures, role, modeled, status):
    raise_documented_error(codecatalyst_client(server), fixtures, role, modeled, status)


def test_unknown_token_is_denied(server, fixtures):
    raise_documented_error(codecatalyst_client(server, token="someone-else"), fixtures, "succeeded", "AccessDeniedException", 403)


def test_a_defect_breaks_the_client_test(fixtures):
    """`conflict-as-ResourceConflictException` spells 409 with an unmodeled code: boto3 raises a bare ClientError."""
    with serve("--defect", "codecatalyst.conflict-as-ResourceConflictException") as broken:
        client = codecatalyst_client(broken)
        with pytest.raises(client.exceptions.ClientError, match="ResourceConflictException"):
            raise_documented_error(client, fixtures, "conflict", "ConflictException", 409)
