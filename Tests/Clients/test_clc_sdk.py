"""The CenturyLink SDK (`clc-sdk` 2.51) against the reference server: `clc.v1.SetCredentials`, then
`clc.v1.Queue.GetStatus` for every fixture. The SDK logs on with `POST /REST//Auth/logon?APIKey=…&Password=…` (double
slash, lower case, credentials in the query, no body, XML answer) and asks with `POST …/JSON?RequestID=…` (no body,
the log-on cookie); the tests record those requests to show that this is what the server answered."""
import re
import urllib.parse

import clc
import pytest
import requests

from conftest import CLC_KEY, CLC_PASSWORD, poll, serve

STATUS = {"succeeded": {"Succeeded"}, "failed": {"Failed"}, "in-progress": {"Not Started", "Executing"}}


class SDK:
    """The SDK's module-level state, set afresh for one server (it keeps its cookie jar and log-on between calls)."""

    def __init__(self, server, password=CLC_PASSWORD):
        clc.defaults.ENDPOINT_URL_V1 = server.url + "/REST/"
        clc._LOGIN_COOKIE_V1 = False
        clc._REQUESTS_SESSION = requests.Session()
        self.sent = []
        clc._REQUESTS_SESSION.hooks["response"].append(lambda answer, *_, **__: self.sent.append(answer.request))
        clc.v1.SetCredentials(CLC_KEY, password)

    def status(self, request_id):
        details = clc.v1.Queue.GetStatus(request_id)
        check_details(details, request_id)
        return details


def check_details(details, request_id):
    """The request's details as seed 001 lists them, with the types the JSON form carries."""
    assert details["RequestID"] == request_id
    assert isinstance(details["PercentComplete"], int) and 0 <= details["PercentComplete"] <= 100
    assert isinstance(details["StepNumber"], int)
    assert details["CurrentStatus"] in {"Not Started", "Executing", "Succeeded", "Failed", "Resumed", "Paused"}
    assert re.fullmatch(r"/Date\(-?\d+\)/", details["StatusDate"]), details["StatusDate"]
    assert isinstance(details["RequestTitle"], str) and isinstance(details["ProgressDesc"], str)


def request_id(fixtures, role):
    return int(fixtures["centurylink"]["roles"][role]["RequestID"])


@pytest.mark.parametrize("role", sorted(STATUS))
def test_fixture_role(server, fixtures, role):
    details = SDK(server).status(request_id(fixtures, role))
    assert details["CurrentStatus"] in STATUS[role]


def test_the_sdk_call_shapes_are_the_ones_answered(server, fixtures):
    sdk = SDK(server)
    sdk.status(request_id(fixtures, "succeeded"))
    logon, status = sdk.sent
    url = urllib.parse.urlsplit(logon.url)
    assert (logon.method, url.path) == ("POST", "/REST//Auth/logon")
    assert urllib.parse.parse_qs(url.query) == {"APIKey": [CLC_KEY], "Password": [CLC_PASSWORD]}
    assert not logon.body
    url = urllib.parse.urlsplit(status.url)
    assert (status.method, url.path, url.query) == ("POST", "/REST/Queue/GetRequestStatus/JSON", f"RequestID={request_id(fixtures, 'succeeded')}")
    assert not status.body and "Tier3.API.Cookie=" in status.headers["Cookie"]


def test_logon_answers_xml_with_the_cookie(server):
    answer = requests.post(server.url + "/REST//Auth/logon", params={"APIKey": CLC_KEY, "Password": CLC_PASSWORD})
    assert re.search(r'StatusCode="0"', answer.text) and 'Success="true"' in answer.text
    assert answer.cookies.get("Tier3.API.Cookie")


def test_lifecycle_moves_to_succeeded(server, fixtures):
    sdk = SDK(server)
    seen = poll(lambda: sdk.status(request_id(fixtures, "lifecycle")), lambda d: d["CurrentStatus"] == "Succeeded")
    assert seen[-1]["CurrentStatus"] == "Succeeded" and seen[-1]["PercentComplete"] == 100 and len(seen) >= 2
    percents = [d["PercentComplete"] for d in seen]
    assert percents == sorted(percents)


def test_wrong_password_never_logs_on(server, fixtures):
    # The SDK's retry after code 100 passes its counter as the session (clc-sdk 2.51), so it ends in its generic error.
    sdk = SDK(server, password="not-the-password")
    with pytest.raises(Exception, match="Error calling Queue/GetRequestStatus"):
        clc.v1.Queue.GetStatus(request_id(fixtures, "succeeded"))
    assert clc._LOGIN_COOKIE_V1 is False
    assert 'StatusCode="100"' in requests.post(sdk.sent[0].url).text


@pytest.mark.parametrize("role", ["unknown", "server-error"])
def test_unknown_or_failing_request_raises(server, fixtures, role):
    # Code 2 makes the SDK raise; its outer handler rewrites the message to the generic one.
    value = 404 if role == "unknown" else request_id(fixtures, role)
    SDK(server)
    with pytest.raises(Exception, match="Error calling Queue/GetRequestStatus"):
        clc.v1.Queue.GetStatus(value)
    answer = requests.post(clc.defaults.ENDPOINT_URL_V1 + "Queue/GetRequestStatus/JSON", params={"RequestID": value},
                           cookies=clc._LOGIN_COOKIE_V1).json()
    assert (answer["Success"], answer["StatusCode"]) == (False, 2)


def test_a_defect_breaks_the_client_test(fixtures):
    """`success-with-nonzero-status` answers a found request with code 2: the SDK raises instead of returning it."""
    with serve("--defect", "centurylink.success-with-nonzero-status") as broken:
        with pytest.raises(Exception, match="Error calling Queue/GetRequestStatus"):
            test_fixture_role(broken, fixtures, "succeeded")
