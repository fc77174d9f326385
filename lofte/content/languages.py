"""Languages as the content model knows them: which have a UI, their names,
writing direction, and Swedish alphabetical order for listing names."""
from __future__ import annotations

UI_LANGUAGES = ("sv", "en")
LANGUAGE_NAMES = {  # each written in its own language (never flags)
    "sv": "Svenska", "en": "English", "ar": "العربية", "fa": "فارسی", "fi": "Suomi",
    "so": "Soomaali", "ti": "ትግርኛ", "yi": "ייִדיש", "ku": "Kurdî", "bs": "Bosanski",
    "pl": "Polski", "uk": "Українська",
}
RTL_LANGUAGES = {"ar", "fa", "yi", "he", "ur", "ku-arab"}


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
