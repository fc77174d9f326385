"""Markdown to safe HTML, done once per text.

Content is untrusted: Python-Markdown keeps raw HTML, so its output goes through
nh3 (the Ammonia sanitiser) with a short allow-list. Headings in bodies are
shifted down (`#` becomes h3) so they never compete with the page's own h1/h2.
"""
from __future__ import annotations

import markdown
import nh3

from .model import EMPTY_TEXT, Text

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "h3", "h4",
    "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr", "abbr",
    "img", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "img": {"src", "alt", "width", "height"},
                      "abbr": {"title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto"}

_md = markdown.Markdown(extensions=["tables", "sane_lists", "toc"],
                        extension_configs={"toc": {"baselevel": 3}})


def render(source: str) -> Text:
    """Return the text as Markdown and as sanitised HTML."""
    if not source or not source.strip():
        return EMPTY_TEXT
    html = _md.reset().convert(source)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return Text(source.strip(), clean)
