"""axe-core on every generated page: no WCAG 2.0/2.1 level A or AA violation.

axe is loaded from the copy `scripts/setup test` installs from npm, into a
context that bypasses the pages' Content-Security-Policy (which, rightly,
allows no inline script). Every page is checked at desktop width; one page of
each kind also at 320 px, where the layout (and so target sizes, overlaps and
contrast over backgrounds) differs.
"""
import pytest

from .conftest import AXE, PAGE_TYPES, require

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


@pytest.fixture(scope="module")
def axe_context(browser):
    require(AXE)
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(path=str(AXE))
    yield context
    context.close()


def violations(page, label: str) -> list[str]:
    out = []
    for v in page.evaluate(RUN, TAGS)["violations"]:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        out.append(f"{label}: {v['id']} ({v['impact']}): {v['help']} [{targets}]")
    return out


def check(context, server, paths, width: int) -> list[str]:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    problems = []
    for path in paths:
        page.goto(server + path)
        problems += violations(page, f"/{path} at {width} px")
    page.close()
    return problems


def test_axe_finds_a_known_violation(axe_context, server):
    """The harness works: a page with an unlabelled image and no lang fails."""
    page = axe_context.new_page()
    page.goto(server + "assets/style.css")
    page.set_content("<!doctype html><title>x</title><img src='a.png'>")
    page.add_script_tag(path=str(AXE))
    found = " ".join(violations(page, "test"))
    page.close()
    assert "image-alt" in found and "html-has-lang" in found


def test_no_axe_violations_on_any_page_at_desktop_width(axe_context, server, html_pages):
    assert len(html_pages) > 50
    problems = check(axe_context, server, html_pages, 1280)
    assert not problems, "\n".join(problems)


def test_no_axe_violations_on_each_page_type_at_320_px(axe_context, server):
    problems = check(axe_context, server, PAGE_TYPES, 320)
    assert not problems, "\n".join(problems)
