"""Without JavaScript every page of each kind shows the same content and works.

The site has no script of its own; this keeps it so: the text of <main> must be
identical with JavaScript on and off, and links must still navigate.
"""
import pytest

from .conftest import PAGE_TYPES

MAIN_TEXT = "() => document.querySelector('main').innerText"


@pytest.fixture(scope="module")
def pages(browser):
    on, off = browser.new_context(), browser.new_context(java_script_enabled=False)
    yield on.new_page(), off.new_page()
    on.close()
    off.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_same_content_without_javascript(pages, server, path):
    on, off = pages
    on.goto(server + path)
    off.goto(server + path)
    assert off.locator("h1").first.is_visible()
    assert off.evaluate("document.scripts.length") == 0
    assert on.evaluate(MAIN_TEXT) == off.evaluate(MAIN_TEXT)


def test_links_navigate_without_javascript(pages, server):
    _, off = pages
    off.goto(server)
    off.get_by_role("link", name="Köpings kommun").first.click()
    off.wait_for_url(server + "koping/")
    assert "Köping" in off.locator("h1").inner_text()
