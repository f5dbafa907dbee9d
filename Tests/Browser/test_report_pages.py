"""The run page and the matrix page in Chromium: counts as the JUnit report has them, filters that hide rows, no
console error, and a hostile answer's markup shown as text, never run."""
from conftest import junit_counts


def html_of(junit):
    return junit.replace("junit-", "conformance-").replace(".xml", ".html")


def test_counts_match_the_junit_report(runs, browser):
    for name in ("faithful", "hostile"):
        page = browser.open(html_of(runs[name]))
        expected = junit_counts(runs[name])
        shown = {key: int(page.locator(f"#counts td[data-count='{key}']").inner_text()) for key in expected}
        assert shown == expected, name
        assert page.console_errors == []
        page.close()


def test_the_hostile_run_fails_exactly_the_conflict_case(runs, browser):
    page = browser.open(html_of(runs["hostile"]))
    failing = page.locator("details.case[data-verdict='fail']")
    assert failing.count() == 1
    assert "oracle.errors.409" in failing.first.locator("summary").inner_text()
    page.close()


def test_a_filter_hides_passing_rows(runs, browser):
    page = browser.open(html_of(runs["hostile"]))
    passing = page.locator("details.case[data-verdict='pass']")
    assert passing.count() > 100 and passing.first.is_visible()
    failing = page.locator("details.case[data-verdict='fail']").first
    page.locator("#show-verdict-pass").uncheck()
    assert all(not passing.nth(index).is_visible() for index in range(0, passing.count(), 25))
    assert failing.is_visible()
    page.locator("#show-api-oracle").uncheck()
    assert not failing.is_visible()
    assert page.console_errors == []
    page.close()


def test_hostile_text_is_shown_not_run(runs, browser):
    page = browser.open(html_of(runs["hostile"]))
    entry = page.locator("details.case[data-verdict='fail']").first
    text = entry.inner_text()
    assert "x-note: <script>document.title='pwned'</script>" in text    # a header, in the exchange
    assert "><img src=x onerror=" in text                                # the error message, in the body
    assert page.title() != "pwned" and "pwned" not in page.title()
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 0
    assert page.console_errors == []
    page.close()


def test_the_matrix_puts_the_differing_row_first(runs, browser):
    page = browser.open(runs["matrix"])
    differing = page.locator("section[data-agreement='disagree'] tr.case")
    assert [differing.nth(i).get_attribute("data-case") for i in range(differing.count())] == ["oracle.errors.409"]
    agreeing = page.locator("section[data-agreement='agree'] tr.case")
    assert agreeing.count() > 100 and agreeing.first.is_visible()
    page.locator("#show-agreement-agree").uncheck()
    assert not agreeing.first.is_visible() and differing.first.is_visible()
    assert page.title() != "pwned" and page.locator("img").count() == 0
    assert page.console_errors == []
    page.close()
