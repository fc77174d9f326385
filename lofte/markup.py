"""Markdown to safe HTML, done once per text.

Content is untrusted: Markdown lets raw HTML through, so the output goes
through nh3 (the Ammonia sanitiser) with a short allow-list. Headings in bodies
are shifted down (`#` becomes h3) so they never compete with the page's own
h1/h2. The parser is mistune: it is about ten times faster than
Python-Markdown on our short texts, which matters at national scale (15,000
texts per build; see bench/README.md).
"""
from __future__ import annotations

import mistune
import nh3

from .model import EMPTY_TEXT, Text

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "h3", "h4",
    "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr", "abbr",
    "img", "sup", "sub", "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "img": {"src", "alt", "width", "height"},
                      "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _Renderer(mistune.HTMLRenderer):
    def heading(self, text: str, level: int, **attrs) -> str:
        return super().heading(text, min(6, level + 2), **attrs)


_md = mistune.create_markdown(renderer=_Renderer(escape=False), plugins=["table", "strikethrough"])


def needs_sanitising(source: str) -> bool:
    """Only raw HTML ('<'), links and images ('[') and code fences (info strings
    become attributes) let anything but mistune's own bare tags into the output;
    other texts skip the sanitiser (most progress updates are plain paragraphs).
    tests/test_markup.py checks this property on generated texts."""
    return any(c in source for c in "<[`~")


def render(source: str) -> Text:
    """Return the text as Markdown and as sanitised HTML."""
    if not source or not source.strip():
        return EMPTY_TEXT
    html = _md(source)
    if needs_sanitising(source):
        html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                         url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return Text(source.strip(), html.strip())
