"""The words a page uses for the model, in the page's language: one definition each.

Statuses, actor names, units with their plural forms, targets and intervals are
phrased here, once, for every page kind; templates only print what this returns.
Every fixed text goes through `_` (the UI catalogue, lofte/i18n/messages), so an
English page is English; content that exists only in Swedish (a unit nobody has
translated) is marked `lang="sv"`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from lofte.content import statuses, urls
from lofte.content.model import Indicator, Municipality, Translation
from lofte.i18n import units
from lofte.i18n.labels import actor_name
from lofte.i18n.localize import CONTENT_LANG, Localizer
from lofte.i18n.translate import Translator, format_number, plural_form


NBSP = "\N{NO-BREAK SPACE}"  # a number and its unit never part at a line end


@dataclass(frozen=True, slots=True)
class StatusView:
    key: str
    symbol: str
    label: str
    tone: str
    anchor: str  # the status page and fragment that defines it
    example: bool = False  # set by a made-up update


@dataclass(frozen=True, slots=True)
class UnitWords:
    one: str
    other: str
    lang: str  # the language the words are in (Swedish where nobody translated them)


class Words:
    """Phrases for one page: `_` is its UI translator, `tr` its content localizer."""

    def __init__(self, _: Translator, tr: Localizer, municipality: Municipality | None = None):
        self._ = _
        self.tr = tr
        self.lang = _.lang
        self.municipality = municipality

    # -- statuses and names ------------------------------------------------
    def status(self, key: str, example: bool = False, ended: bool = False) -> StatusView:
        """A status as symbol and word; `ended` words a progress state reported before the end."""
        return _status(key, example, ended, self.lang)

    def tally(self, counts: tuple[tuple[str, int], ...]) -> str:
        """"2 hållna, 3 pågår, 1 försenat": a count per status, in vocabulary order."""
        return ", ".join(f"{self._.number(n)} {statuses.BY_KEY[k].counted(self.lang, plural_form(n, self.lang) == 'one')}"
                         for k, n in counts)

    def promises(self, n: int) -> str:
        return self._.n(n, "{n} löfte", "{n} löften")

    def actor(self, key: str) -> str:
        return actor_name(self.municipality, key, self._) if self.municipality else key

    def listing(self, names: list[str]) -> str:
        """"A", "A och B", "A, B och C" (and in English)."""
        if len(names) < 2:
            return "".join(names)
        return self._("{first} och {last}", first=", ".join(names[:-1]), last=names[-1])

    def date(self, value: dt.date | None) -> str:
        return self._.date(value)

    @staticmethod
    def fill(template: str, **values) -> Markup:
        """A translated catalogue text (trusted) with its values escaped: `fill(_("Mål: {n}"), n=…)`.

        The same as Markup(template).format(…), several times faster (str.format on escaped values;
        a value that is already Markup, such as a quantity, is used as it is).
        """
        return Markup(template.format_map({k: v if type(v) is Markup else escape(v) for k, v in values.items()}))

    # -- units and numbers ---------------------------------------------------
    def unit_words(self, ind: Indicator, translation: Translation | None) -> UnitWords:
        """The unit's singular and plural in this page's language, or in Swedish where none is known."""
        swedish = UnitWords(ind.unit_one or units.SINGULAR.get(ind.unit, ind.unit), ind.unit, CONTENT_LANG)
        if self.lang == CONTENT_LANG:
            return swedish
        given = indicator_translation(translation, ind.id)
        if given.get("unit"):
            return UnitWords(given.get("unit_one") or given["unit"], given["unit"], self.lang)
        if self.lang == "en" and ind.unit in units.ENGLISH:
            return UnitWords(*units.ENGLISH[ind.unit], "en")
        return swedish

    def quantity(self, n: float, words: UnitWords) -> Markup:
        """"3 möten", "1 möte"; a Swedish unit on an English page is marked as Swedish."""
        return _quantity(n, words, self.lang)

    def indicator_name(self, ind: Indicator, translation: Translation | None):
        """The indicator's name: translated, else the Swedish one (marked as Swedish)."""
        given = indicator_translation(translation, ind.id).get("name")
        return self.tr.sv(ind.name) if not given else escape(given)

    def per(self, frequency: str) -> str:
        """"i veckan", "a week" …"""
        return {"day": self._("om dagen"), "weekday": self._("varje vardag"), "week": self._("i veckan"),
                "month": self._("i månaden"), "quarter": self._("i kvartalet"), "year": self._("om året")}[frequency]

    def bound(self, direction: str) -> str:
        return {"increase": self._("minst"), "decrease": self._("högst"), "maintain": self._("behålla")}[direction]

    def interval(self, days: int) -> str:
        """How often, in words a resident uses: "minst en gång i kvartalet", not "var 91:e dag"."""
        for low, high, text in ((7, 7, self._("minst en gång i veckan")),
                                (14, 14, self._("minst varannan vecka")),
                                (28, 31, self._("minst en gång i månaden")),
                                (59, 62, self._("minst varannan månad")),
                                (89, 93, self._("minst en gång i kvartalet")),
                                (180, 184, self._("minst en gång i halvåret")),
                                (364, 366, self._("minst en gång om året"))):
            if low <= days <= high:
                return text
        return self._.n(days, "minst en gång om dagen", "minst en gång på {n} dagar")


@lru_cache(maxsize=256)
def _status(key: str, example: bool, ended: bool, lang: str) -> StatusView:
    s = statuses.BY_KEY[key]
    label = s.text_ended(lang) if ended and s.kind == "progress" else s.text(lang)
    return StatusView(s.key, s.symbol, label, s.tone, f"{urls.STATUSES}#status-{s.key.replace(' ', '-')}", example)


@lru_cache(maxsize=2048)
def _quantity(n: float, words: UnitWords, page_lang: str) -> Markup:
    """Cached: a site repeats the same few small numbers with the same units thousands of times."""
    word = words.one if plural_form(n, words.lang) == "one" else words.other
    number = escape(format_number(n, page_lang))
    if not word:
        return number
    if words.lang == page_lang:
        return Markup(f"{number}{NBSP}{escape(word)}")
    return Markup(f'{number}{NBSP}<span lang="{escape(words.lang)}">{escape(word)}</span>')


def indicator_translation(t: Translation | None, indicator_id: str) -> dict:
    """`translations: en: indicators: <id>: {name, unit, unit_one}` of a promise, or {}."""
    if t is None:
        return {}
    return t.fields.get("indicators", {}).get(indicator_id, {})
