"""Starts `conformance serve` on a free port for the client tests, and stops it afterwards.

The binary is `.build/debug/conformance` (built by `swift build --product conformance`), or `$CONFORMANCE_BIN`.
"""
import contextlib
import os
import pathlib
import re
import select
import socket
import subprocess
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("CONFORMANCE_BIN", ROOT / ".build" / "debug" / "conformance"))

# The reference server's test credentials, printed by `conformance serve --fixtures`.
AWS_KEY = "AKIDCONFORMANCE00001"
AWS_SECRET = "conformance/secret/EXAMPLEKEY+0001"
REGION = "us-east-1"
BEARER = "conformance-bearer-token-0001"
CLC_KEY = "conformance-api-key"
CLC_PASSWORD = "conformance-password"


class Server:
    def __init__(self, url, process):
        self.url = url
        self.process = process
        self.port = int(url.rsplit(":", 1)[1])


def _binary():
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build --product conformance` first (or set CONFORMANCE_BIN)")
    return str(BINARY)


@contextlib.contextmanager
def serve(*arguments):
    """`conformance serve --port 0 ARGUMENTS…`, yielding once it listens; always stopped on exit."""
    process = subprocess.Popen([_binary(), "serve", "--port", "0", *arguments], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline() if ready else ""
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if not match:
            process.kill()
            pytest.fail(f"conformance serve did not start: {line!r} {process.stderr.read()!r}")
        yield Server(match.group(1), process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


@pytest.fixture(scope="session")
def server():
    """The faithful reference server, lifecycles ten times faster than the default (0.2 s each)."""
    with serve("--time-scale", "10") as running:
        yield running


@pytest.fixture(scope="session")
def fixtures():
    """{api: {"roles": {role: {input: value}}, "defaults": {input: value}}} as `conformance serve --fixtures` prints it."""
    text = subprocess.run([_binary(), "serve", "--fixtures"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    table, api = {}, None
    for line in text.splitlines():
        if re.match(r"^[a-z0-9]+(\s|$)", line):
            api = line.split()[0]
            defaults = re.search(r"\(defaults: (.*)\)", line)
            pairs = defaults.group(1).split(", ") if defaults else []
            table[api] = {"roles": {}, "defaults": dict(pair.split("=", 1) for pair in pairs)}
        elif api and line.startswith("  "):
            role, *pairs = line.split()
            table[api]["roles"][role] = dict(pair.split("=", 1) for pair in pairs)
    return table


@pytest.fixture(autouse=True)
def account_host_resolves_locally(monkeypatch):
    """An SDK prefixes the S3 Control endpoint with `{AccountId}.`; such a name resolves to 127.0.0.1 here, as a
    wildcard DNS entry would, so the request reaches the server carrying the Host the SDK signed."""
    original = socket.getaddrinfo

    def getaddrinfo(host, *rest, **kwargs):
        if isinstance(host, str) and host.endswith(".127.0.0.1"):
            host = "127.0.0.1"
        return original(host, *rest, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def poll(call, done, timeout=10.0, interval=0.05):
    """Calls `call()` until `done(answer)`; returns every answer seen."""
    answers, deadline = [], time.monotonic() + timeout
    while True:
        answers.append(call())
        if done(answers[-1]) or time.monotonic() > deadline:
            return answers
        time.sleep(interval)
