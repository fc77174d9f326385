"""UI language: the message catalogue and locale-aware dates and numbers.

Templates write their fixed texts in Swedish, `_("Senast uppdaterad")`; the
Swedish text is the key, and `messages/<lang>.yaml` maps it to other languages.
A test checks that every key used in the templates has an English entry, so a
language is complete or the suite fails. Dates and numbers come from Babel
(CLDR), e.g. "21 november 2026".
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from typing import Iterator

import yaml
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

UI_LANGUAGES = ("sv", "en")
LANGUAGE_NAMES = {  # each written in its own language (never flags)
    "sv": "Svenska", "en": "English", "ar": "العربية", "fa": "فارسی", "fi": "Suomi",
    "so": "Soomaali", "ti": "ትግርኛ", "yi": "ייִדיש", "ku": "Kurdî", "bs": "Bosanski",
    "pl": "Polski", "uk": "Українська",
}
RTL_LANGUAGES = {"ar", "fa", "yi", "he", "ur", "ku-arab"}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    if lang == "sv":
        return {}
    text = resources.files("lofte.messages").joinpath(f"{lang}.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


def data_catalogue(lang: str) -> dict[str, str]:
    """The open data's documentation (opendata.FIELDS, csvdata.FILES, licence names) in `lang`:
    `messages/<lang>-data.yaml`, apart from the templates' texts because its keys come from code."""
    return {} if lang == "sv" else catalogue(f"{lang}-data")


class Translator:
    """The `_()` of one page language; Swedish passes through unchanged."""

    def __init__(self, lang: str):
        self.lang = lang
        self.messages = catalogue(lang)

    def __call__(self, text: str, **values) -> str:
        out = self.messages.get(text, text)
        return out.format(**values) if values else out

    def doc(self, text: str) -> str:
        """A text of the open data's documentation, in this page's language."""
        return data_catalogue(self.lang).get(text, text)

    def n(self, count: int, one: str, many: str) -> str:
        """Singular or plural by count (Swedish and English both have two forms)."""
        return self(one if count == 1 else many, n=count)

    def language(self, code: str) -> str:
        """The name of a language in this page's language, e.g. "arabiska" for ar on a Swedish page."""
        return Locale.parse(self.lang).languages.get(code, LANGUAGE_NAMES.get(code, code))

    def date(self, value: dt.date | None, fmt: str = "d MMMM y") -> str:
        return _date(value, fmt, self.lang) if value else ""

    def number(self, value: float | None) -> str:
        if value is None:
            return ""
        return _number(value, self.lang)


class FixedMessages(Extension):
    """Translate `_("fixed text")` when a template is compiled, not on every render.

    Pages show ~60 fixed texts each; as constants they join the template's static
    output (escaped once, at compile time). Calls with values, `_("… {n}", n=…)`,
    and the helpers `_.date`, `_.number` stay calls. The environment is compiled
    for one interface language (`environment.ui_lang`).
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        messages = catalogue(self.environment.ui_lang)
        window: list[Token] = []  # the last five tokens: [before] _ ( "text" )
        for token in stream:
            window.append(token)
            if len(window) < 5:
                continue
            before, name, open_, text, close = window
            if (name.type == "name" and name.value == "_" and before.type != "dot" and open_.type == "lparen"
                    and text.type == "string" and close.type == "rparen"):
                window = [before, Token(text.lineno, "string", messages.get(text.value, text.value))]
            else:
                yield window.pop(0)
        yield from window


# Swedish alphabetical order: å, ä, ö are letters of their own after z (Åre after
# Ystad, Örebro last); é and è sort as e, ü as y, æ as ä and ø as ö. A dozen
# letters do not justify ICU, whose Python binding has no wheels to install.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}",
                                "é": "e", "è": "e", "ü": "y", "á": "a", "à": "a"})
_SWEDISH_LETTERS = {"{": "Å", "|": "Ä", "}": "Ö"}  # the three stand-ins after z, back to letters


def swedish_key(text: str) -> str:
    """Sort key that puts names in Swedish alphabetical order (case-insensitive)."""
    return text.casefold().translate(_SWEDISH_ORDER)


def swedish_initial(text: str) -> str:
    """The letter a name is listed under in Swedish order: "Åre" → "Å", "Éslöv" → "E"."""
    first = swedish_key(text)[:1]
    return _SWEDISH_LETTERS.get(first, first.upper())


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


# Babel parses the locale and pattern on every call; pages repeat the same few
# dates and numbers thousands of times, so results are cached.
@lru_cache(maxsize=65536)
def _date(value: dt.date, fmt: str, lang: str) -> str:
    return format_date(value, fmt, locale=lang)


@lru_cache(maxsize=65536)
def _number(value: float, lang: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=lang)
