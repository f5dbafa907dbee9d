"""The JSON Schemas in Conformance/schema/ and the suite's loaders agree: every profile and target config in the
repository validates, and each broken file is refused by both, naming the same field.

The loaders are the `conformance` binary's (`.build/debug/conformance`, or `$CONFORMANCE_BIN`): `conformance profiles
--profiles DIR` for profiles, `conformance run --config FILE --dry-run` for target configs, which stop with exit 2 and
`conformance: FILE: FIELD: reason` before anything is sent."""
import copy
import json
import os
import pathlib
import subprocess
import tempfile

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("CONFORMANCE_BIN", ROOT / ".build" / "debug" / "conformance"))
SCHEMAS = ROOT / "Conformance" / "schema"
PROFILE_SCHEMA = json.loads((SCHEMAS / "profile.schema.json").read_text())
CONFIG_SCHEMA = json.loads((SCHEMAS / "target-config.schema.json").read_text())
PROFILES = sorted((ROOT / "Conformance").glob("*.json"))
CONFIGS = sorted((ROOT / "Conformance" / "targets").glob("*.json"))


def schema_fields(schema, document):
    """The fields the schema refuses, written as the loaders name them: `apis.oracle.auth.region`, `formats[0].method`."""
    fields = []
    for error in jsonschema.Draft202012Validator(schema).iter_errors(document):
        path = list(error.path)
        if error.validator == "required":
            path.append(error.message.split("'")[1])
        elif error.validator == "additionalProperties":
            path.append(error.message.split("'")[1])
        elif "propertyNames" in error.schema_path:
            path.append(error.instance)
        text = ""
        for part in path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        fields.append(text)
    return fields


def loader_field(arguments):
    result = subprocess.run([str(BINARY), *arguments], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("conformance: "), line
    return line.split(": ")[2]


@pytest.mark.parametrize("path", PROFILES, ids=[path.name for path in PROFILES])
def test_every_profile_validates(path):
    document = json.loads(path.read_text())
    assert schema_fields(PROFILE_SCHEMA, document) == []
    assert document["$schema"] == "schema/profile.schema.json"


@pytest.mark.parametrize("path", CONFIGS, ids=[path.name for path in CONFIGS])
def test_every_config_validates(path):
    document = json.loads(path.read_text())
    assert schema_fields(CONFIG_SCHEMA, document) == []
    assert document["$schema"] == "../schema/target-config.schema.json"


def test_init_writes_a_config_the_schema_takes():
    result = subprocess.run([str(BINARY), "init"], capture_output=True, text=True, timeout=60, check=True)
    assert schema_fields(CONFIG_SCHEMA, json.loads(result.stdout)) == []


def test_every_key_is_described():
    def walk(node, where):
        if isinstance(node, dict):
            for name, value in node.get("properties", {}).items():
                assert "description" in value or "$ref" in value, f"{where}.{name} has no description"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")
    walk(PROFILE_SCHEMA, "profile")
    walk(CONFIG_SCHEMA, "config")


BASE_CONFIG = {
    "apis": {
        "oracle": {"baseURL": "http://127.0.0.1:1", "auth": {"tokenEnv": "T"},
                   "knownDivergences": [{"cases": ["oracle.errors.404"], "reason": "r"}]},
        "s3control": {"baseURL": "http://127.0.0.1:1", "auth": {"accessKeyIdEnv": "A", "secretAccessKeyEnv": "S"}},
    }
}


def without(path):
    def change(document):
        *parents, last = path
        node = document
        for key in parents:
            node = node[key]
        del node[last]
    return change


def setting(path, value):
    def change(document):
        *parents, last = path
        node = document
        for key in parents:
            node = node[key]
        node[last] = value
    return change


BROKEN_CONFIGS = [
    ("apis missing", without(["apis"]), "apis"),
    ("a region inside auth", setting(["apis", "s3control", "auth", "region"], "eu-west-1"), "apis.s3control.auth.region"),
    ("a base URL that is a number", setting(["apis", "oracle", "baseURL"], 5), "apis.oracle.baseURL"),
    ("auth missing", without(["apis", "oracle", "auth"]), "apis.oracle.auth"),
    ("an API no profile has", setting(["apis", "nope"], {"baseURL": "http://x", "auth": {}}), "apis.nope"),
    ("a divergence without its reason", without(["apis", "oracle", "knownDivergences", 0, "reason"]),
     "apis.oracle.knownDivergences[0].reason"),
    ("a negative timeout", setting(["timeoutSeconds"], -1), "timeoutSeconds"),
]


@pytest.mark.parametrize("name,change,field", BROKEN_CONFIGS, ids=[case[0] for case in BROKEN_CONFIGS])
def test_a_broken_config_is_refused_by_both_at_the_same_field(name, change, field, tmp_path):
    document = copy.deepcopy(BASE_CONFIG)
    change(document)
    assert field in schema_fields(CONFIG_SCHEMA, document)
    path = tmp_path / "target.json"
    path.write_text(json.dumps(document))
    assert loader_field(["run", "--config", str(path), "--dry-run"]) == field


BROKEN_PROFILES = [
    ("api missing", without(["api"]), "api"),
    ("a method that is a number", setting(["formats", 0, "method"], 5), "formats[0].method"),
    ("a third format", setting(["formats", 0, "format"], "yaml"), "formats[0].format"),
    ("a status that is text", setting(["errors", 0, "status"], "400"), "errors[0].status"),
    ("a constraint without its source", without(["inputs", 0, "constraints", 0, "source"]),
     "inputs[0].constraints[0].source"),
    ("a fact no rule asserts", setting(["responses", 0, "fields", 0, "sources", 0, "facts"], ["colour"]),
     "responses[0].fields[0].sources[0].facts[0]"),
]


@pytest.mark.parametrize("name,change,field", BROKEN_PROFILES, ids=[case[0] for case in BROKEN_PROFILES])
def test_a_broken_profile_is_refused_by_both_at_the_same_field(name, change, field):
    document = json.loads((ROOT / "Conformance" / "codecatalyst.json").read_text())
    change(document)
    assert field in schema_fields(PROFILE_SCHEMA, document)
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "codecatalyst.json").write_text(json.dumps(document))
        assert loader_field(["profiles", "--profiles", folder]) == field


README = (ROOT / "README.md").read_text()


def config_keys(schema):
    """Every key a target config may hold, as the README's table writes it (`apis.NAME.auth.tokenEnv`)."""
    keys = []
    definitions = schema["$defs"]

    def walk(node, prefix):
        if "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[1]]
        for name, value in node.get("properties", {}).items():
            keys.append(prefix + name)
            walk(value, prefix + name + ".")
        if isinstance(node.get("additionalProperties"), dict) and prefix == "apis.":
            walk(node["additionalProperties"], "apis.NAME.")

    walk(schema, "")
    walk(schema["properties"]["apis"], "apis.")
    return keys


def test_the_readme_table_names_every_key_of_a_target_config():
    section = README.split("Every key a target config may hold")[1].split("\n\n", 2)[1]
    # A known divergence's own keys are shown in its row's example.
    missing = [key for key in config_keys(CONFIG_SCHEMA) if f"`{key}`" not in section
               and not key.startswith("apis.NAME.knownDivergences.")]
    assert missing == []


def test_the_readme_example_config_is_one_the_schema_takes():
    block = README.split("a\ncomplete config for each API:")[1].split("```json\n", 1)[1].split("```", 1)[0]
    document = json.loads(block)
    assert sorted(document["apis"]) == ["centurylink", "cloudcontrol", "codecatalyst", "oracle", "s3control"]
    assert schema_fields(CONFIG_SCHEMA, document) == []
