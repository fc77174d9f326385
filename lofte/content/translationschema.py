"""The schema of `translations:` in a site, period, promise or update: which fields a
translation may give, and how each is read (part of schema.py)."""
from __future__ import annotations

import datetime as dt

from .fields import Fields
from .model import Translation
from .textcheck import RTL_LANGUAGES

LANGUAGES = ("sv", "en", "ar", "fa", "fi", "so", "ti", "yi", "ku", "bs", "pl", "uk")


# Which fields a translation may give, and how each is read.
PROMISE_TRANSLATABLE = {"title": "str", "summary": "str", "focus_area": "str", "body": "text",
                        "approach": "text", "activities": "list", "effects": "list", "indicators": "indicators"}
PERIOD_TRANSLATABLE = {"title": "str", "intro": "text", "purpose": "text", "situation": "text",
                       "focus_areas": "list"}
UPDATE_TRANSLATABLE = {"title": "str", "body": "text"}
SITE_TRANSLATABLE = {"title": "str", "description": "str"}


def indicator_names(f: Fields, known: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """`indicators: {<id>: {name, unit, unit_one}}` in a promise's translation: names and units in that language."""
    im = f.map("indicators")
    if im is None:
        return {}
    out = {}
    for key in list(im.data):
        sub = im.map(key)
        if key not in known:
            im.error(key, f"'{key}' är inget mål i löftet; skriv id:t för ett mål under indicators "
                          f"({', '.join(known) or 'löftet har inga mål'})")
        if sub is None:
            continue
        names = {k: sub.str(k, max_len=300 if k == "name" else 100) for k in ("name", "unit", "unit_one")}
        sub.finish()
        out[str(key)] = {k: v for k, v in names.items() if v}
    return out


def translations(f: Fields, translatable: dict[str, str], indicator_ids: tuple[str, ...] = (),
                 dated: bool = True) -> tuple[Translation, ...]:
    """`translations: {en: {translated: 2024-05-01, title: …}, ar: {…}}`, sorted by language."""
    tf = f.map("translations")
    if tf is None:
        return ()
    out = []
    for lang in list(tf.data):
        lf = tf.map(lang)
        if lang not in LANGUAGES[1:]:
            tf.error(lang, f"'{lang}' är inget språk att översätta till; välj bland {', '.join(LANGUAGES[1:])}")
            continue
        if lf is None:
            continue
        lf.rtl = lang in RTL_LANGUAGES
        fields = {}
        for key, kind in translatable.items():
            value = (lf.markdown(key) if kind == "text" else lf.str_list(key) if kind == "list"
                     else indicator_names(lf, indicator_ids) if kind == "indicators" else lf.str(key))
            if value:
                fields[key] = value
        out.append(Translation(lang=lang, translated=lf.date("translated", dated) or dt.date.min,
                               official=lf.bool("official"), example=lf.bool("example"), fields=fields))
        lf.finish()
    return tuple(sorted(out, key=lambda t: t.lang))
