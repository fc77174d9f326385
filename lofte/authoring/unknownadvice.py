"""Advice for content transcribed from real sources: silence written as text, periods
whose source lists no promises, updates dated before their period.

Older content (and the guide before `okänt`) wrote "Anges inte i källan." into text
fields, and pages then printed it inside sentences ("polisen i Anges inte i
källan."). Such a text gets advice with the field's `okänt` form, the rest of the
text as its note. Part of `check` (check.py).
"""
from __future__ import annotations

from lofte.content.chronology import known
from lofte.content.model import FeedbackPlan, Municipality, Period, Text, is_unknown

from . import hints
from .advice import Advice, Lines

PHRASE = "anges inte i källan"


def _silent(value) -> str | None:
    """The text if it is "Anges inte i källan." (and maybe more after it), else None."""
    text = value.markdown if isinstance(value, Text) else value
    if isinstance(text, str) and text.strip().casefold().startswith(PHRASE):
        return text.strip()
    if isinstance(text, tuple) and len(text) == 1:
        return _silent(text[0])
    return None


def _fix(key: str, text: str, under: str) -> str:
    rest = text.strip()[len(PHRASE):].lstrip(" .:;,–-").strip()
    how = f"skriv {key}: okänt{under} i stället, så säger sidorna själva att källan inte anger det"
    if rest:
        how += f"; resten av texten blir en förklaring på raden under: {key}: och sedan okänt: {rest}"
    return how + " (docs/innehall.md, Okänt)"


def _advice(lines: Lines, rel: str, keys: tuple, text: str) -> Advice:
    field = ".".join(str(k) for k in keys if not isinstance(k, int))
    if keys == ("feedback_plan", "text"):  # the plan itself is what the source does not give
        key, under = "feedback_plan", ""
    else:
        key = str(keys[-1])
        parent = [str(k) for k in keys[:-1] if not isinstance(k, int)]
        under = f" under {parent[-1]}" if parent else ""
    short = text if len(text) <= 60 else text[:57].rsplit(" ", 1)[0] + " …"
    return lines.advice(rel, lines.key(rel, *keys), "anges-inte-text",
                        f"{field} säger ”{short}” som text, och sidorna skriver texten där värdet ska stå",
                        _fix(key, text, under))


def _fields(m: Municipality):
    """(file, YAML keys, value) of every text a source may be silent on (police_area has its own advice)."""
    for p in m.periods:
        for key in ("signed_place", "purpose", "situation", "focus_areas"):
            yield p.path, (key,), getattr(p, key)
        if isinstance(p.feedback_plan, FeedbackPlan):
            yield p.path, ("feedback_plan", "text"), p.feedback_plan.text
        if p.follow_up is not None:
            for key in ("summary", "activities", "quality", "effects"):
                yield p.path, ("follow_up", key), getattr(p.follow_up, key)
        for pr in p.promises:
            for key in ("focus_area", "approach", "activities", "effects"):
                yield pr.path, (key,), getattr(pr, key)
            for i, a in enumerate(pr.actors):
                yield pr.path, ("actors", i, "responsible"), a.responsible


def not_stated_as_text(m: Municipality, lines: Lines) -> list[Advice]:
    """"Anges inte i källan." written as the value: advise `okänt`."""
    out = [_advice(lines, rel, keys, text) for rel, keys, value in _fields(m)
           if not is_unknown(value) and (text := _silent(value))]
    for p in m.periods:
        absent = [key for key, value in (("start", p.start), ("end", p.end)) if value is None]
        if absent and _silent(p.dates_note):
            rest = p.dates_note.strip()[len(PHRASE):].lstrip(" .:;,–-").strip()
            out.append(lines.advice(p.path, lines.key(p.path, "dates_note"), "anges-inte-text",
                                    "dates_note säger att datumen inte anges i källan, som text",
                                    f"skriv {' och '.join(f'{k}: okänt' for k in absent)}, så säger sidorna själva att "
                                    "källan inte anger när löftena gäller" +
                                    (f"; förklaringen kan stå kvar i dates_note ({rest})" if rest else "; ta bort dates_note")
                                    + " (docs/innehall.md, Okänt)"))
    return out


def archive_advice(period: Period, lines: Lines) -> list[Advice]:
    return no_promises(period, lines) + before_start(period, lines)


def no_promises(period: Period, lines: Lines) -> list[Advice]:
    """A period without promises shows nothing but that; say whether the source lists none."""
    if period.promises or period.promises_unknown is not None:
        return []
    folder = period.path.rsplit("/", 1)[0]
    return [lines.advice(period.path, lines.key(period.path, "title"), "loften-saknas",
                         "perioden har inga löften, så sidorna kan bara säga att inga löften är publicerade",
                         "skriv löftena: " + hints.command("new", "löfte", folder, '"Rubrik"', content=lines.display_root)
                         + "; listar källan inga löften, skriv promises: okänt i lofte.yaml, så säger sidorna det "
                         "(med en förklaring på raden under: okänt: …)")]


def before_start(period: Period, lines: Lines) -> list[Advice]:
    """An update dated before its promise's time frame began: most often a typo in the file name's year."""
    out = []
    for pr in period.promises:
        start = pr.start or known(period.start)
        if start is None:
            continue
        for u in pr.updates:
            if u.date < start:
                out.append(lines.advice(u.path, 1, "uppdatering-fore-start",
                                        f"uppdateringen är daterad {u.date}, före {'löftets' if pr.start else 'periodens'} "
                                        f"start {start}",
                                        "kontrollera datumet i filnamnet (ÅÅÅÅ-MM-DD); gäller uppdateringen en "
                                        "tidigare period, flytta den dit"))
    return out
