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
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from lofte.content.languages import LANGUAGE_NAMES
from lofte.content.yamlsource import SafeLoader  # libyaml's where PyYAML has it, as for content

from .units import SINGULAR


def messages_file(name: str) -> dict:
    """A file of lofte/i18n/messages, parsed safely (only plain YAML values)."""
    text = resources.files("lofte.i18n.messages").joinpath(name).read_text("utf-8")
    return yaml.load(text, Loader=SafeLoader) or {}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    return {} if lang == "sv" else messages_file(f"{lang}.yaml")


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

    def n(self, count: float, one: str, many: str, **values) -> str:
        """`one` or `many` by the language's CLDR plural rule for `count` ("{n}" is the number)."""
        return self(one if plural_form(count, self.lang) == "one" else many, n=self.number(count), **values)

    def quantity(self, count: float, unit: str, unit_one: str = "") -> str:
        """"3 möten", "1 möte": a number with its unit in the right form (CLDR plural rule).

        `unit` is the plural as content writes it; `unit_one` the singular when the
        content gives it, else a known Swedish singular (`SINGULAR`), else `unit`
        unchanged: check advises adding `unit_one` for such units.
        """
        word = unit
        if plural_form(count, self.lang) == "one":
            word = unit_one or SINGULAR.get(unit, unit)
        return f"{self.number(count)} {word}".rstrip()

    def language(self, code: str) -> str:
        """The name of a language in this page's language, e.g. "arabiska" for ar on a Swedish page."""
        return Locale.parse(self.lang).languages.get(code, LANGUAGE_NAMES.get(code, code))

    def date(self, value: dt.date | None, fmt: str = "d MMMM y") -> str:
        return _date(value, fmt, self.lang) if value else ""

    def number(self, value: float | None) -> str:
        if value is None:
            return ""
        return format_number(value, self.lang)


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


def prepare(languages: tuple[str, ...]) -> None:
    """Load each language's CLDR data (numbers, dates, plural rules, language names) now.

    The engine calls it before worker processes fork, so they share the data instead
    of each reading and merging Babel's locale files again (docs/arkitektur.md,
    "Workers live as long as their pool").
    """
    for lang in languages:
        locale = _locale(lang)
        format_number(1234.5, lang)
        _date(dt.date(2000, 1, 1), "d MMMM y", lang)
        plural_form(1, lang)
        locale.languages.get(lang)


@lru_cache(maxsize=1024)
def plural_form(count: float, lang: str) -> str:
    """CLDR plural category of `count` in `lang` ("one", "other", …), e.g. 1 → "one" in Swedish.

    Cached: Babel evaluates the rule in Python, and pages ask for the same few counts."""
    return _locale(lang).plural_form(abs(count))


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# Babel parses the locale and pattern on every call; pages repeat the same few
# dates and numbers thousands of times, so results are cached.
@lru_cache(maxsize=65536)
def _date(value: dt.date, fmt: str, lang: str) -> str:
    return format_date(value, fmt, locale=lang)


@lru_cache(maxsize=65536)
def format_number(value: float, lang: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=lang)
