"""Without JavaScript every page of each kind shows the same content and works.

The site's one script (assets/lofte.js) only enhances: a filter box on the start
page and the print date. The text of <main> must be identical with JavaScript on
and off (apart from the filter box the script adds), and links must still navigate.
"""
import pytest

from .conftest import PAGE_TYPES

MAIN_TEXT = """() => {
  document.querySelectorAll('#filter > *').forEach(e => e.remove());  // what the script adds
  return document.querySelector('main').innerText;
}"""
SCRIPTS = "() => [...document.scripts].map(s => s.src ? new URL(s.src).pathname : 'inline')"


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
    assert off.evaluate(SCRIPTS) == ["/assets/lofte.js"], "one script of our own, nothing inline"
    assert on.evaluate(MAIN_TEXT) == off.evaluate(MAIN_TEXT)


def test_the_filter_finds_a_municipality_as_you_type(pages, server):
    on, _ = pages
    on.goto(server)
    box = on.get_by_label("Skriv kommunens namn")
    box.fill("köp")
    visible = on.locator("#kommunlista > li:visible h3").all_inner_texts()
    assert visible == ["Köpings kommun"]
    assert on.get_by_role("status").inner_text() == "1 kommun visas"
    box.fill("xyz")
    assert on.locator("#kommunlista > li:visible").count() == 0
    assert "Ingen kommun heter så" in on.get_by_role("status").inner_text()
    box.fill("")
    assert on.locator("#kommunlista > li:visible").count() == on.locator("#kommunlista > li").count()


def test_links_navigate_without_javascript(pages, server):
    _, off = pages
    off.goto(server)
    off.get_by_role("link", name="Köpings kommun").first.click()
    off.wait_for_url(server + "koping/")
    assert "Köping" in off.locator("h1").inner_text()
