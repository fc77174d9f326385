"""Notices about translated content, in the language of the translation.

A page in a language with a full interface (Swedish, English) takes these
sentences from the UI catalogue. A page in a language with translated content
but no interface (e.g. Arabic) keeps the Swedish interface; its notices still
speak the reader's language: messages/notices.yaml holds these few sentences
per content language (Swedish key → text, as the UI catalogue does). A language
without an entry there shows the Swedish sentence, marked as Swedish.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lofte.content.languages import UI_LANGUAGES, direction
from lofte.i18n.localize import CONTENT_LANG, outdated
from lofte.i18n.translate import Translator, _date, messages_file


@lru_cache(maxsize=None)
def catalogue() -> dict[str, dict[str, str]]:
    return messages_file("notices.yaml")


class NoticeWords:
    """`_("Swedish sentence", **values)` in `lang`, and the language it came out in."""

    def __init__(self, lang: str):
        self.ui = Translator(lang) if lang in UI_LANGUAGES else None
        self.messages = {} if self.ui else catalogue().get(lang, {})
        self.lang = lang if (self.ui or self.messages) else CONTENT_LANG

    def __call__(self, text: str, **values) -> str:
        if self.ui:
            return self.ui(text, **values)
        return self.messages.get(text, text).format(**values)

    def date(self, value) -> str:
        return _date(value, "d MMMM y", self.lang)

    def language(self, code: str) -> str:
        from babel import Locale
        return Locale.parse(self.lang).languages.get(code, code)


@dataclass(frozen=True, slots=True)
class Notice:
    lang: str
    dir: str
    lines: tuple[str, ...]
    warning: str  # the Swedish text changed after the translation, or ""
    example: str
    original: str  # link text to the Swedish page, or ""


def translation(obj, t, link_original: bool) -> Notice:
    """The note above a translated text: who translated it, when, and that Swedish applies."""
    _ = NoticeWords(t.lang)
    language = _.language(t.lang)
    made = (_("Översättning till {language}, gjord {date}.", language=language, date=_.date(t.translated))
            if t.official else
            _("Inofficiell översättning till {language}, gjord {date}.", language=language, date=_.date(t.translated)))
    lines = (made, _("Om något skiljer sig gäller den svenska texten. Det som inte är översatt visas på svenska."))
    warning = (_("Den svenska texten ändrades {date}, efter översättningen. Översättningen kan vara inaktuell.",
                 date=_.date(obj.revised)) if outdated(obj, t) else "")
    example = (_("Exempel: översättningen är gjord för att visa hur översättningar fungerar. Den är inte granskad.")
               if t.example else "")
    return Notice(_.lang, direction(_.lang), lines, warning, example,
                  _("Läs den svenska texten") if link_original else "")


def for_page(variables: dict) -> Notice | None:
    """On a page whose content language has no interface: say so, in that language."""
    lang = variables["content_lang"]
    if lang in variables["site"].languages:
        return None
    _ = NoticeWords(lang)
    text = _("Menyer och förklaringar på den här sidan är på svenska. Bara löftets text är översatt till {language}.",
             language=_.language(lang))
    return Notice(_.lang, direction(_.lang), (text,), "", "", "")
