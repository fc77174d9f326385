"""Keyboard use on one page of each kind: a working skip link and visible focus.

The first Tab must reach the skip link, visibly; Enter must move focus to the
main content; and every element Tab reaches must show a focus indicator
(outline or box shadow) while it is inside the viewport.
"""
import pytest

from .conftest import PAGE_TYPES

FOCUS_STATE = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0;
  return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40), shown, inView,
          id: el.id, fromMain: !!el.closest('main') ||
            !!(document.querySelector('main').compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)};
}"""
TABBABLE = "document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').length"


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_skip_link_and_visible_focus(page, server, path):
    page.goto(server + path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    assert first["tag"] == "A" and first["shown"] and first["inView"], first
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#innehall"
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUS_STATE)["id"] == "innehall", "the skip link does not move focus to <main>"
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_STATE)
    assert after["fromMain"], f"Tab after the skip link went back before the main content: {after}"

    page.goto(server + path)
    hidden = []
    for _ in range(page.evaluate(TABBABLE)):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["tag"] == "BODY":
            break
        if not (state["shown"] and state["inView"]):
            hidden.append(state)
    assert not hidden, f"focus not visible on /{path}: {hidden}"
