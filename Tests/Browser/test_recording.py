"""The HAR `conformance run --record` writes, read by a browser's own HAR reader: Chromium, through Playwright's
`route_from_har`, answers each recorded question with the recorded answer, as developer tools would show it."""
import collections
import json
import os
import subprocess

from playwright.sync_api import sync_playwright

from conftest import ROOT, binary, chromium_path


def test_chromium_replays_the_recorded_answers(tmp_path):
    har = os.path.join(tmp_path, "oracle.har")
    done = subprocess.run(
        [binary(), "run", "--api", "oracle", "--quiet", "--junit", os.path.join(tmp_path, "junit.xml"),
         "--record", har], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with open(har) as file:
        entries = json.load(file)["log"]["entries"]
    asked = collections.Counter((entry["request"]["method"], entry["request"]["url"]) for entry in entries)
    # A GET asked once: the browser's navigation carries none of the case's headers, so only a URL asked once names
    # one entry.
    unique = [entry for entry in entries if entry["request"]["method"] == "GET"
              and asked[("GET", entry["request"]["url"])] == 1 and entry["response"]["status"] == 200]
    assert unique, "the run asked some URL only once"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        try:
            context = browser.new_context()
            # Nothing else answers: a request the recording does not hold fails instead of reaching a network.
            context.route_from_har(har, not_found="abort")
            page = context.new_page()
            for entry in unique:
                answer = page.goto(entry["request"]["url"])
                assert answer.status == entry["response"]["status"], entry["_caseId"]
                assert answer.text() == entry["response"]["content"]["text"], entry["_caseId"]
        finally:
            browser.close()
