"""Privacy on one page of each kind: every request same-origin, nothing stored.

The pages promise "no cookies, nothing loaded from other websites"; this
checks it in the browser, with the pages' own Content-Security-Policy in force.
"""
import pytest

from .conftest import PAGE_TYPES

STORAGE = "() => [document.cookie, localStorage.length, sessionStorage.length]"
# The Content-Security-Policy must still let the site's own stylesheet in.
STYLED = "() => getComputedStyle(document.body).marginTop === '0px'"


@pytest.fixture(scope="module")
def watched(browser):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield context, page, requests
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_all_requests_same_origin_and_nothing_stored(watched, server, path):
    context, page, requests = watched
    requests.clear()
    page.goto(server + path, wait_until="networkidle")
    assert requests and requests[0] == server + path
    foreign = [u for u in requests if not u.startswith(server)]
    assert not foreign, f"/{path} requested {foreign}"
    assert page.evaluate(STYLED), f"/{path}: the page's own stylesheet did not apply"
    assert page.evaluate(STORAGE) == ["", 0, 0]
    assert context.cookies() == []
