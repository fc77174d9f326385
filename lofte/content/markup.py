"""Markdown to safe HTML, done once per text.

Content is untrusted: Markdown lets raw HTML through, so the output goes
through nh3 (the Ammonia sanitiser) with a short allow-list. Headings in bodies
are shifted down (`#` becomes h3) so they never compete with the page's own
h1/h2. The parser is cmark-gfm (cmarkgfm, the C reference implementation of
CommonMark with GitHub's tables and strikethrough; PyPI renders READMEs with
it): five times faster than mistune and fifty times faster than Python-Markdown
on our texts, which matters at national scale (15,000 texts per build; see
bench/README.md).
"""
from __future__ import annotations

import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

from .model import EMPTY_TEXT, Text

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "h3", "h4",
    "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr", "abbr",
    "img", "sup", "sub", "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "img": {"src", "alt", "width", "height"},
                      "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


# Raw HTML is kept here and cleaned by nh3 below. Only ~~two tildes~~ strike through:
# "~50 besökare" is a number, not the start of a strikethrough.
_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _shift(m: re.Match) -> str:
    return f"<{m[1]}h{min(6, int(m[2]) + 2)}>"


def to_html(source: str) -> str:
    """Markdown to HTML, headings two levels down; raw HTML passes through (to nh3)."""
    html = cmarkgfm.markdown_to_html_with_extensions(source, options=_OPTIONS, extensions=("table", "strikethrough"))
    return _HEADING.sub(_shift, html) if "<h" in html else html


def needs_sanitising(source: str) -> bool:
    """Only raw HTML ('<'), links and images ('['), code fences (info strings
    become attributes) and tables (alignment becomes an attribute) let anything
    but cmark's own bare tags into the output;
    other texts skip the sanitiser (most progress updates are plain paragraphs).
    tests/test_markup.py checks this property on generated texts."""
    return any(c in source for c in "<[`~|")


def render(source: str) -> Text:
    """Return the text as Markdown and as sanitised HTML."""
    if not source or not source.strip():
        return EMPTY_TEXT
    html = to_html(source)
    if needs_sanitising(source):
        html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                         url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return Text(source.strip(), html.strip())
