"""Reflow (WCAG 1.4.10) and text spacing (1.4.12) on one page of each kind.

At 320 CSS px nothing may scroll sideways; with the text spacing of 1.4.12
forced on every element, nothing may clip its text or scroll sideways, at
phone and desktop width.
"""
import pytest

from .conftest import PAGE_TYPES

SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""
OVERFLOW = """() => {
  const doc = document.documentElement;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > doc.clientWidth + 1 || r.left < -1);
  }).map(el => el.tagName + '.' + el.className + ': ' + (el.textContent || '').trim().slice(0, 30));
  return {scroll: doc.scrollWidth - doc.clientWidth, wide: wide.slice(0, 5)};
}"""
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
  const s = getComputedStyle(el);
  if (s.overflowX === 'visible' && s.overflowY === 'visible') return false;
  if (el.clientWidth <= 1 && el.clientHeight <= 1) return false;  // visually hidden, for screen readers
  if (el.tagName === 'IMG') return false;  // holds no text (poster thumbnails; not built in these tests)
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}).map(el => el.tagName + '.' + el.className)"""


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_horizontal_scroll_at_320_px(server, path, narrow):
    narrow.set_viewport_size({"width": 320, "height": 800})
    narrow.goto(server + path)
    state = narrow.evaluate(OVERFLOW)
    assert state["scroll"] <= 0, f"/{path} scrolls {state['scroll']} px sideways at 320 px: {state['wide']}"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_text_spacing_override_clips_nothing(server, path, width, narrow):
    narrow.set_viewport_size({"width": width, "height": 800})
    narrow.goto(server + path)
    narrow.add_style_tag(content=SPACING)
    state = narrow.evaluate(OVERFLOW)
    assert state["scroll"] <= 0, f"/{path} scrolls sideways with text spacing at {width} px: {state['wide']}"
    assert narrow.evaluate(CLIPPED) == [], f"/{path} clips text with text spacing at {width} px"


@pytest.fixture(scope="module")
def narrow(browser):
    """One page for the module; it bypasses CSP so the spacing style can be injected."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, bypass_csp=True)
    yield context.new_page()
    context.close()
