"""Advice about texts: sentences too long, LIX too high, links and images that lead nowhere.

Part of `check` (check.py): Markdown texts are read as residents read them on the
page they are shown on, so a relative link is resolved from that page.
"""
from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass

from lofte.content import urls
from lofte.content.model import Period, Promise, Text

from . import readability
from .advice import Advice, Lines

MAX_LIX = 50  # above 50 reads like officialese
MAX_SENTENCE_WORDS = 25
MIN_LIX_WORDS, MIN_LIX_SENTENCES = 30, 3  # LIX of less says little beyond sentence length

LINK_RE = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^/|^#")


@dataclass(frozen=True, slots=True)
class Where:
    """One Markdown text: the file and key it comes from and the page it is shown on."""
    rel: str
    key: str | None  # None: the body of a .md file
    page: str


def promise_texts(period: Period, promise: Promise, known: set[str], lines: Lines) -> list[Advice]:
    """Readability and links of a promise's texts and its updates."""
    page = urls.promise(period, promise)
    body = Where(promise.path, None, page)
    out = text_advice(promise.summary, Where(promise.path, "summary", page), lines)
    out += text_advice(promise.body.markdown, body, lines)
    out += link_advice(promise.body, body, known, lines)
    if isinstance(promise.approach, Text):
        out += link_advice(promise.approach, Where(promise.path, "approach", page), known, lines)
    for update in promise.updates:
        where = Where(update.path, None, page)
        out += text_advice(update.body.markdown, where, lines) + link_advice(update.body, where, known, lines)
    return out


def period_texts(period: Period):
    """(key, Markdown text, page it is shown on) of a period's own texts (not those that are `okänt`)."""
    page = urls.period(period)
    found = [(k, getattr(period, k), page) for k in ("intro", "purpose", "situation")]
    if period.feedback_plan:
        found.append(("feedback_plan", period.feedback_plan.text, page))
    if period.follow_up:
        found += [("follow_up", getattr(period.follow_up, k), urls.follow_up(period))
                  for k in ("summary", "activities", "quality", "effects")]
    yield from ((k, text, where) for k, text, where in found if isinstance(text, Text))


def _line(where: Where, lines: Lines, offset: int) -> int:
    return lines.body(where.rel, offset) if where.key is None else lines.key(where.rel, where.key)


def text_advice(markdown: str, where: Where, lines: Lines) -> list[Advice]:
    """Long sentences and a high LIX: the text is hard for residents to read."""
    out = []
    found = readability.sentences(markdown)
    for s in found:
        if len(s.words) > MAX_SENTENCE_WORDS:
            start = " ".join(s.text.split()[:6])
            out.append(lines.advice(where.rel, _line(where, lines, s.offset), "lang-mening",
                              f"meningen ”{start} …” har {len(s.words)} ord, och över {MAX_SENTENCE_WORDS} ord blir svårt att läsa",
                              "dela upp meningen i två eller fler" + (
                                  "; är texten ett citat ur löftesdokumentet, skriv i stället en lättläst sammanfattning i summary"
                                  if where.rel.endswith("/index.md") and where.key is None else "")))
    words = sum(len(s.words) for s in found)
    score = readability.lix(found)
    if words >= MIN_LIX_WORDS and len(found) >= MIN_LIX_SENTENCES and score is not None and score > MAX_LIX:
        out.append(lines.advice(where.rel, _line(where, lines, found[0].offset), "svar-text",
                          f"texten är svår att läsa (LIX {round(score)}; sikta på högst {MAX_LIX})",
                          "skriv kortare meningar och byt långa ord mot vanliga, korta ord"))
    return out


def link_advice(text: Text, where: Where, known: set[str], lines: Lines) -> list[Advice]:
    """Relative links must lead to a page or file of the built site. (Images are the
    build's to check: a missing one is an error, and only bodies may show images.)"""
    out = []
    for m in LINK_RE.finditer(text.markdown):
        image, target = m.group(1) == "!", m.group(2)
        if image or SCHEME_RE.match(target) or _resolves(where.page, target, known):
            continue  # images, other sites, absolute paths and anchors
        line = _line(where, lines, m.start())
        out.append(lines.advice(where.rel, line, "trasig-lank", f"länken '{target}' leder inte till någon sida eller fil på webbplatsen",
                              "kontrollera stavningen; en länk till ett annat löfte i samma period skrivs t.ex. "
                              "../loftets-mapp/ och en fil i löftets mapp med bara filnamnet"))
    return out


def _resolves(page: str, target: str, known: set[str]) -> bool:
    path = urllib.parse.unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return True  # an anchor on the same page
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    joined = posixpath.normpath(posixpath.join("site", base, path))
    if joined != "site" and not joined.startswith("site/"):
        return False  # above the site's root
    rel = joined[len("site/"):]
    if path.endswith("/") or not rel:
        return (rel + "/" if rel else "") in known
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[:-len("index.html")]
        return rel in known
    return rel in known or rel + "/" in known
