"""Right-to-left: Arabic parts read and align right, and the layout mirrors.

The Arabic demo page keeps a Swedish interface, so its Arabic parts carry
`dir="rtl"` and must align to their right edge. The stylesheet uses logical
properties (start/end, not left/right), so a whole page in a right-to-left
interface mirrors: checked by switching a page's `dir` in the browser.
"""
TEXT_EDGES = """sel => {
  const el = document.querySelector(sel);
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect(), box = el.getBoundingClientRect();
  return {dir: getComputedStyle(el).direction, gapRight: box.right - text.right, gapLeft: text.left - box.left};
}"""
MIRRORED = """() => {
  document.documentElement.dir = 'rtl';
  const notice = getComputedStyle(document.querySelector('.notice'));
  const timeline = getComputedStyle(document.querySelector('.timeline'));
  const doc = document.documentElement;
  return {noticeRight: notice.borderRightWidth, noticeLeft: notice.borderLeftWidth,
          timelineRight: timeline.paddingRight, timelineLeft: timeline.paddingLeft,
          scroll: doc.scrollWidth - doc.clientWidth};
}"""


def test_arabic_parts_are_right_to_left_and_align_right(page, server):
    page.goto(server + "ar/koping/2024/est/")
    for selector in ("h1", "p.lead"):
        edges = page.evaluate(TEXT_EDGES, selector)
        assert edges["dir"] == "rtl", selector
        assert edges["gapRight"] < 2 <= edges["gapLeft"], (selector, edges)


def test_layout_mirrors_in_a_right_to_left_page(page, server):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(server + "koping/2024/est/")
    state = page.evaluate(MIRRORED)
    page.set_viewport_size({"width": 1280, "height": 800})
    assert state["noticeRight"] == "4px" and state["noticeLeft"] == "0px", state
    assert state["timelineLeft"] == "0px" and state["timelineRight"] != "0px", state
    assert state["scroll"] <= 0, state
