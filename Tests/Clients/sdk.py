"""Clients built the way a user of each SDK builds them, pointed at a reference server, and a check of a parsed
output against the SDK's own service model (types, enums, timestamps parsed to datetimes)."""
import datetime

import boto3
import botocore.session
from botocore.config import Config
from botocore.tokens import FrozenAuthToken

from conftest import AWS_KEY, AWS_SECRET, BEARER, REGION

# No retries: an error role must surface on the first answer, and a test must not wait out a back-off.
NO_RETRIES = Config(retries={"total_max_attempts": 1})


def aws_client(service, server, key=AWS_KEY, secret=AWS_SECRET):
    return boto3.client(service, region_name=REGION, endpoint_url=server.url, config=NO_RETRIES,
                        aws_access_key_id=key, aws_secret_access_key=secret)


class StaticTokenProvider:
    """A bearer token provider, as a user configures one for CodeCatalyst (botocore reads `load_token`)."""
    METHOD = "static"

    def __init__(self, token):
        self.token = token

    def load_token(self, **kwargs):
        return FrozenAuthToken(self.token)


def codecatalyst_client(server, token=BEARER):
    core = botocore.session.Session()
    core._components.register_component("token_provider", StaticTokenProvider(token))
    return boto3.Session(botocore_session=core, region_name="us-west-2").client(
        "codecatalyst", endpoint_url=server.url, config=NO_RETRIES)


def check_against_model(client, operation, output):
    """Every member the SDK parsed has its model's type; enums hold a listed value; timestamps are aware datetimes."""
    shape = client.meta.service_model.operation_model(operation).output_shape
    problems = []
    _check(shape, {k: v for k, v in output.items() if k != "ResponseMetadata"}, shape.name, problems)
    assert not problems, "; ".join(problems)


def _check(shape, value, where, problems):
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            problems.append(f"{where}: {value!r} is not a structure")
            return
        for name, member in value.items():
            if name not in shape.members:
                problems.append(f"{where}.{name}: not in the model")
            else:
                _check(shape.members[name], member, f"{where}.{name}", problems)
        for name in shape.required_members:
            if name not in value:
                problems.append(f"{where}.{name}: required, missing")
    elif kind == "list":
        if not isinstance(value, list):
            problems.append(f"{where}: {value!r} is not a list")
        else:
            for index, item in enumerate(value):
                _check(shape.member, item, f"{where}[{index}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{where}: {value!r} is not a string")
        elif shape.enum and value not in shape.enum:
            problems.append(f"{where}: {value!r} is not one of {shape.enum}")
    elif kind == "timestamp":
        if not isinstance(value, datetime.datetime) or value.tzinfo is None:
            problems.append(f"{where}: {value!r} is not a timezone-aware datetime")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{where}: {value!r} is not an integer")
    elif kind == "boolean" and not isinstance(value, bool):
        problems.append(f"{where}: {value!r} is not a boolean")
