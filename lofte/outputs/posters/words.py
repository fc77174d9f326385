"""Sentences posters build from parts: time frames, lists of names, contact lines.

Separate from data.py, which decides what each part says; every fixed word
comes from the catalogue through `Translator`.
"""
from __future__ import annotations

import datetime as dt

from lofte.content.chronology import known
from lofte.content.model import Contact, Municipality, Period, Site, is_unknown
from lofte.i18n.translate import Translator

from ..views import unstated


def period_span(t: Translator, period: Period, note: str, month: str = "MMMM") -> str:
    """A period's time frame; where the source gives no dates (`okänt`), that it does not."""
    if not (known(period.start) or known(period.end)) and (is_unknown(period.start) or is_unknown(period.end)):
        return unstated.sentence(t, "dates")
    return span(t, known(period.start), known(period.end), note, month)


def span(t: Translator, start: dt.date | None, end: dt.date | None, note: str, month: str = "MMMM") -> str:
    """The time frame; without dates, the first sentence of the note saying why."""
    if start and end:
        first = t.date(start, f"d {month}" + (" y" if start.year != end.year else ""))
        return f"{first} – {t.date(end, f'd {month} y')}"
    if start or end:
        return t("Från {date}", date=t.date(start)) if start else t("Till och med {date}", date=t.date(end))
    first_sentence = note.split(". ", 1)[0].rstrip(".")
    return t("Tidsram: {note}", note=first_sentence) if first_sentence else ""


def listing(t: Translator, names: list[str]) -> str:
    """"A, B och C"."""
    if len(names) < 2:
        return "".join(names)
    return t("{first} och {last}", first=", ".join(names[:-1]), last=names[-1])


def reachable(c: Contact, web: bool = False) -> str:
    """A contact as one line: name, phone, e-mail; the web address (without the scheme)
    only when asked or there is no phone or e-mail, as it is long and little used on paper."""
    web = c.url.split("://", 1)[-1].rstrip("/") if web or not (c.phone or c.email) else ""
    return ", ".join(v for v in (c.name, c.phone, c.email, web) if v)


def contacts(t: Translator, site: Site, m: Municipality) -> tuple[str, ...]:
    """Where to turn: the municipality (its own contact, else the site's), the police, 112.

    114 14 is the police's number, so it appears only on the police line: a poster
    must not send residents to the police when they want the municipality.
    """
    lines = []
    if reachable(m.contact):
        lines.append(t("Kommunen: {contact}", contact=reachable(m.contact)))
    elif reachable(site.contact):
        lines.append(t("Frågor om löftena: {contact}", contact=reachable(site.contact)))
    lines.append(t("Polisen: {contact}. Vid pågående brott eller när liv är i fara: ring 112.",
                   contact=reachable(m.police_contact, web=True)))
    return tuple(lines)
