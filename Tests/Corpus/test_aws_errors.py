"""The recorded corpus is what the installed botocore reads: if botocore changed its reading, this fails first, and
the corpus (and the suite's reader, which the Swift test holds to the corpus) must follow."""
import json

import pytest

from aws_errors import CORPUS, botocore_reads

RECORDED = json.loads(CORPUS.read_text())


@pytest.mark.parametrize("entry", RECORDED, ids=[entry["name"] for entry in RECORDED])
def test_botocore_reads_the_answer_as_recorded(entry):
    assert botocore_reads(entry["protocol"], entry["status"], entry["headers"], entry["body"]) == entry["botocore"]


def test_every_protocol_and_both_kinds_of_answer_are_covered():
    for protocol in ("aws-json", "rest-json", "aws-query", "rest-xml"):
        readings = [entry["botocore"] for entry in RECORDED if entry["protocol"] == protocol]
        assert any(reading.get("protocolCode") for reading in readings), protocol
        assert any(not reading.get("protocolCode") for reading in readings), protocol
