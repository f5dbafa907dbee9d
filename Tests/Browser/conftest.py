"""Report pages opened in a real browser: Debian's Chromium driven by Playwright (no browser download; the system
binary is named by executable_path). Pages come from `conformance run` against the embedded reference server,
one run with the faithful server and one with a defect whose conflict answer carries HTML and script."""
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOSTILE_DEFECT = "oracle.markup-in-conflict-answer"


# As Tests/Clients finds it: the debug build `.ci/run` makes before these tests, or CONFORMANCE_BIN.
BINARY = os.environ.get("CONFORMANCE_BIN", os.path.join(ROOT, ".build", "debug", "conformance"))


def binary():
    if not os.path.exists(BINARY):
        pytest.fail(f"{BINARY} is missing: run `swift build --product conformance` first (or set CONFORMANCE_BIN)")
    return BINARY


def chromium_path():
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed (apt-get install chromium); .ci/run installs it")


def run(folder, name, defects):
    """`conformance run` into `folder`; returns the JUnit report's path."""
    config = os.path.join(folder, f"{name}.json")
    with open(config, "w") as out:
        json.dump({"name": name, "apis": {}, "embedded": {"defects": defects}}, out)
    junit = os.path.join(folder, f"junit-{name}.xml")
    done = subprocess.run([binary(), "run", "--config", config, "--junit", junit, "--quiet"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return junit


@pytest.fixture(scope="session")
def runs(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("reports"))
    faithful = run(folder, "faithful", [])
    hostile = run(folder, "hostile", [HOSTILE_DEFECT])
    matrix = os.path.join(folder, "matrix.html")
    subprocess.run([binary(), "report", faithful, hostile, "--html", matrix], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    return {"faithful": faithful, "hostile": hostile, "matrix": matrix}


def junit_counts(path):
    root = ET.parse(path).getroot()
    cases = list(root.iter("testcase"))
    return {
        "cases": len(cases),
        "fail": sum(1 for c in cases if c.find("failure") is not None),
        "error": sum(1 for c in cases if c.find("error") is not None),
    }


class Browser:
    """One page at a time, with every console error and uncaught page error collected."""

    def __init__(self, browser):
        self.browser = browser

    def open(self, path):
        page = self.browser.new_page()
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.goto("file://" + path)
        page.wait_for_load_state("load")
        return page


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield Browser(launched)
        launched.close()
