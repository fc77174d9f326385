"""The language of each piece of content on a page, and its markup.

A page has one interface language (`<html lang>`), but its content may be in
another: English pages show Swedish promise texts nobody has translated, and a
translated promise mixes translated fields with Swedish fallbacks. WCAG 3.1.2
asks for each such part to carry its own `lang` (and `dir` where the writing
direction changes), so templates print content as a `Part`, which adds the
attributes only where the text's language differs from the page's.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from lofte.content.languages import direction
from lofte.content.model import Text, Translation

CONTENT_LANG = "sv"  # the language communicators write in; translations are extra


_NO_ATTRS = Markup("")


@lru_cache(maxsize=None)
def _attrs(lang: str, page_lang: str) -> Markup:
    out = Markup(' lang="%s"') % lang
    if direction(lang) != direction(page_lang):
        out += Markup(' dir="%s"') % direction(lang)
    return out


@dataclass(frozen=True, slots=True)
class Part:
    """One content value in a known language, printed on a page in `page_lang`."""
    value: object  # str, Text or tuple[str, ...]
    lang: str
    page_lang: str

    @property
    def attrs(self) -> Markup:
        """` lang="…" dir="…"` for the element that holds the value ("" when the page's)."""
        if self.lang == self.page_lang:
            return _NO_ATTRS
        return _attrs(self.lang, self.page_lang)

    @property
    def text(self) -> str:
        """The plain text, for attributes and `<title>`, where no markup may go."""
        return self.value.markdown if isinstance(self.value, Text) else str(self.value)

    @property
    def html(self) -> Markup:
        """The value without a wrapper: for an element that already carries `attrs`."""
        return Markup(self.value.html) if isinstance(self.value, Text) else escape(self.value)

    def __html__(self) -> str:
        # Runs for every field shown on every page: plain string work, no Markup formatting.
        value = self.value
        if isinstance(value, Text):
            html, tag = value.html, "div"
        else:
            html, tag = escape(value), "span"
        if self.lang == self.page_lang:
            return html
        return f"<{tag}{_attrs(self.lang, self.page_lang)}>{html}</{tag}>"

    def __bool__(self) -> bool:
        return bool(self.value)

    def __iter__(self):
        """The items of a list field, each in the list's language."""
        return (Part(v, self.lang, self.page_lang) for v in self.value)


class Localizer:
    """The `tr(obj, "field")` of one page: the translated field, else the Swedish one.

    `content_lang` is the language the page shows content in (its URL prefix);
    `page_lang` is its interface language. They differ on pages of languages
    that have translated content but no interface catalogue (e.g. Arabic).
    """

    def __init__(self, content_lang: str, page_lang: str):
        self.content_lang = content_lang
        self.page_lang = page_lang
        self._found: dict[int, Translation | None] = {}  # by id(obj): a page asks for the same few objects

    def translation(self, obj) -> Translation | None:
        if self.content_lang == CONTENT_LANG:  # content is written in Swedish: nothing is translated to it
            return None
        key = id(obj)
        if key not in self._found:
            self._found[key] = find(obj, self.content_lang)
        return self._found[key]

    def __call__(self, obj, field: str) -> Part:
        t = self.translation(obj)
        if t is not None and field in t.fields:
            return Part(t.fields[field], t.lang, self.page_lang)
        return Part(getattr(obj, field), CONTENT_LANG, self.page_lang)

    def sv(self, value) -> Part:
        """Content that only exists in Swedish (names of things, notes, units)."""
        return Part(value, CONTENT_LANG, self.page_lang)


def find(obj, lang: str) -> Translation | None:
    return next((t for t in getattr(obj, "translations", ()) if t.lang == lang), None)


def outdated(obj, t: Translation) -> bool:
    """The Swedish original was revised after the translation was made."""
    return obj.revised is not None and t.translated < obj.revised
