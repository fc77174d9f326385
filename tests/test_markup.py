"""Markdown rendering: sanitised, headings shifted, and the sanitiser shortcut is safe."""
import re

import nh3
from hypothesis import given, settings
from hypothesis import strategies as st

from lofte.content import markup


def test_headings_start_at_h3_and_html_is_sanitised():
    html = markup.render("# Rubrik\n\nHej <script>alert(1)</script> [x](javascript:alert(1)) "
                         '<a href="https://x.se" onclick="e">y</a> <b style="x">fet</b>').html
    assert html.startswith("<h3>Rubrik</h3>")
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html
    assert "style=" not in html
    assert '<a href="https://x.se" rel="noopener noreferrer">y</a>' in html


def test_one_tilde_is_not_strikethrough_two_are():
    assert markup.render("Ca ~50 besökare, ~60 i fjol.").html == "<p>Ca ~50 besökare, ~60 i fjol.</p>"
    assert markup.render("~~Inställt~~ flyttat").html == "<p><del>Inställt</del> flyttat</p>"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_`#>-+=1.!()\n\t&\"'|:~") + ["\u202e", "å", "\u00a0"]),
               max_size=80))
def test_texts_that_skip_the_sanitiser_only_produce_allowed_markup(source):
    if markup.needs_sanitising(source):
        return
    html = markup.render(source).html
    for name, attrs in re.findall(r"<([a-z0-9]+)([^>]*)>", html):
        assert name in markup.ALLOWED_TAGS
        assert attrs.strip() in ("", "/") or re.fullmatch(r' start="\d+"', attrs), attrs
    cleaned = nh3.clean(html, tags=markup.ALLOWED_TAGS, attributes=markup.ALLOWED_ATTRIBUTES,
                        url_schemes=markup.URL_SCHEMES)
    assert cleaned.count("<") == html.count("<")  # the sanitiser would remove nothing
