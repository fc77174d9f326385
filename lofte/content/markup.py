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
from html.parser import HTMLParser

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


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")  # what browsers strip from or ignore in a URL


def other_site(url: str) -> bool:
    """Would a browser load this link from another host than the page's? "//host/x" and
    "/\\host/x" would, whatever whitespace or control characters they are written with."""
    url = _URL_JUNK.sub("", url).replace("\\", "/")
    return url.startswith("//")


def local_file(src: str) -> bool:
    """A relative reference to a file beside the text (never a scheme, host or site root)."""
    src = _URL_JUNK.sub("", src).replace("\\", "/")
    return bool(src) and not src.startswith("/") and not _SCHEME.match(src)


def render_checked(source: str) -> tuple[Text, list[tuple[str, str]]]:
    """The text as Markdown and sanitised HTML, and what the sanitiser dropped beyond
    nh3's own rules: ("img", src) of images that are not files beside the text, and
    ("a", href) of links to another host without a scheme. So no text can make a
    page, feed or embed load anything from elsewhere; the caller reports them."""
    if not source or not source.strip():
        return EMPTY_TEXT, []
    html = to_html(source)
    dropped: list[tuple[str, str]] = []
    if needs_sanitising(source):
        def keep(tag: str, attribute: str, value: str) -> str | None:
            if (tag == "img" and attribute == "src" and not local_file(value)) or (
                    tag == "a" and attribute == "href" and other_site(value)):
                dropped.append((tag, value))
                return None
            return value
        html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, attribute_filter=keep,
                         url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return Text(source.strip(), html.strip()), dropped


def render(source: str) -> Text:
    """Return the text as Markdown and as sanitised HTML."""
    return render_checked(source)[0]


def has_image(html: str) -> bool:
    return "<img" in html  # sanitised output: nh3 writes tag names in lower case


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "img":
            self.found.append({k: v or "" for k, v in attrs})


def images(html: str) -> list[dict[str, str]]:
    """The attributes of every image in sanitised HTML, parsed (not matched by a pattern)."""
    if not has_image(html):
        return []
    parser = _Images()
    parser.feed(html)
    parser.close()
    return parser.found
