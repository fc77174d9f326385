"""View data of a period's pages: the period page, its follow-up, its editors' page and its embed."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from lofte.content import statuses, urls
from lofte.content.derived import Facts
from lofte.content.model import Municipality, Period, is_unknown

from . import embed_code, notices, unstated
from .sources import source, sources
from .summary import period_summary
from .words import Words

# Parts of a period a source may be silent on, each said in a sentence where its section would be.
SECTIONS = ("focus_areas", "signatories")  # purpose and situation: unstated.section


@dataclass(frozen=True, slots=True)
class PosterLink:
    size: str  # "A4"
    pdf: str
    png: str
    thumb: str  # the small PNG the page shows; the links go to the full PDF and PNG


def posters(period) -> tuple[PosterLink, ...]:
    return tuple(PosterLink(size.upper(), urls.poster(period, size, "pdf"), urls.poster(period, size, "png"),
                            urls.poster_thumbnail(period, size))
                 for size in ("a4", "a3"))


def parties(w: Words, m: Municipality) -> str:
    """"Köpings kommun, Lokalpolisområde Västra Mälardalen, KBAB" – "polisen" where the source names no area."""
    police = w._("polisen") if is_unknown(m.police_area) else m.police_area
    return ", ".join([m.name, police, *(p.name for p in m.partners)])


def signed(w: Words, period: Period) -> Markup:
    """When and where it was signed, in words; "" where content says nothing about it."""
    said = []
    if period.signed:
        place = f", {period.signed_place}" if period.signed_place else ""
        said.append(escape(w.date(period.signed) + place + ("." if is_unknown(period.signed_place) else "")))
    elif is_unknown(period.signed):
        said.append(unstated.phrase(w, "signed", period.signed))
    if is_unknown(period.signed_place):
        said.append(unstated.phrase(w, "signed_place", period.signed_place))
    return Markup(" ").join(said)


def feedback(w: Words, period: Period) -> dict:
    """"Så får du veta hur det går": the plan's text, how often, or what the source does not say."""
    plan = period.feedback_plan
    if is_unknown(plan):
        return {"text": None, "said": unstated.phrase(w, "feedback_plan", plan)}
    if plan is None:
        return {"text": None, "said": escape(w._("Ingen plan för återkoppling är publicerad."))}
    said = []
    if is_unknown(plan.text):
        said.append(unstated.phrase(w, "feedback_plan", plan.text))
    if is_unknown(plan.interval_days):
        said.append(unstated.phrase(w, "interval_days", plan.interval_days))
    elif plan.interval_days:
        said.append(escape(w._("Varje löfte ska uppdateras {how}.", how=w.interval(plan.interval_days))))
    return {"text": plan.text or None, "said": Markup(" ").join(said)}


def newer(w: Words, period: Period, facts: Facts, m: Municipality) -> list[tuple[str, object]]:
    """(page, title) of the periods the municipality leads with now, when this one is older than
    them: a resident who lands on an old period from a search or a poster finds today's promises."""
    paths = [p.path for p in m.periods]  # in chronological order
    later = set(paths[paths.index(period.path) + 1:])
    current = facts.current_periods.get(m.slug, ())
    if any(p.path == period.path for p in current):
        return []
    return [(urls.period(p), w.tr(p, "title")) for p in current if p.path in later]


def view(v: dict) -> dict:
    w: Words = v["words"]
    period, facts, m = v["period"], v["facts"], v["municipality"]
    ps = facts.periods[period.path]
    return {
        "summary": period_summary(w, period, ps, facts),
        "newer": newer(w, period, facts, m),
        "parties": parties(w, m),
        "dates": unstated.dates(w, period),
        "signed": signed(w, period),
        "purpose": unstated.section(w, period, "purpose"),
        "situation": unstated.section(w, period, "situation"),
        "unstated": {key: unstated.phrase(w, key, getattr(period, key)) if is_unknown(getattr(period, key)) else ""
                     for key in SECTIONS},
        "feedback": feedback(w, period),
        "posters": posters(period),
        "editors": urls.embed_code(period),
        "sources": sources(period.sources),
        "note": notices.translation(period, t, True) if (t := w.tr.translation(period)) else None,
    }


@dataclass(frozen=True, slots=True)
class CodePeriod:
    period: object
    anchor: str  # "koping-2024"
    title: object  # Part
    snippet: str
    feed: str  # absolute


@dataclass(frozen=True, slots=True)
class CodeMunicipality:
    municipality: object
    calendar: str  # absolute
    feed: str
    periods: tuple[CodePeriod, ...]


def embed_codes(v: dict) -> dict:
    """The page of codes for web editors: per municipality its calendar and feed, per period its embed code."""
    site, w = v["site"], v["words"]
    base = site.base_url
    return {"municipalities": [
        CodeMunicipality(m, urls.absolute(base, urls.calendar(m)), urls.absolute(base, urls.feed(urls.municipality(m))),
                         tuple(CodePeriod(p, urls.embed_code(p).partition("#")[2], w.tr(p, "title"),
                                          embed_code.snippet(v, p), urls.absolute(base, urls.feed(urls.period(p))))
                               for p in reversed(m.periods)))
        for m in site.municipalities]}


@dataclass(frozen=True, slots=True)
class VerdictRow:
    href: str
    title: object
    status: object  # StatusView
    text: object  # the verdict's text (Text) or ""


def follow_up(v: dict) -> dict:
    """Verdicts per promise, and the follow-up's three parts with the missing ones named once."""
    w: Words = v["words"]
    period = v["period"]
    fu = period.follow_up
    rows = tuple(VerdictRow(urls.promise(period, pr), w.tr(pr, "title"),
                            w.status(pr.verdict.verdict if pr.verdict and pr.verdict.verdict
                                     else statuses.NO_VERDICT_KEY),
                            pr.verdict.text if pr.verdict else "") for pr in period.promises)
    parts = [(w._("Genomförda aktiviteter"), fu.activities), (w._("Kvaliteten i arbetet"), fu.quality),
             (w._("Effekter"), fu.effects)]
    given: list[tuple[str, object]] = []  # parts with the same text are said once
    for name, text in parts:
        if text:
            same = next((i for i, (_n, t) in enumerate(given) if t.markdown.strip() == text.markdown.strip()), None)
            if same is None:
                given.append((name, text))
            else:
                given[same] = (w.listing([given[same][0], name.lower()]), text)
    missing = [name.lower() for name, text in parts if text is not None and not text and not is_unknown(text)]
    said = [unstated.parts(w, [(name.lower(), text) for name, text in parts])]
    for key, value in (("follow_up_date", fu.date), ("follow_up_summary", fu.summary)):
        if is_unknown(value):
            said.append(unstated.phrase(w, key, value))
    return {"rows": rows, "parts": given,
            "missing": (w._("Uppföljningen beskriver inte: {parts}.", parts=w.listing(missing)) if missing else ""),
            "unstated": Markup(" ").join(x for x in said if x),
            "document": source(fu.document), "dates": unstated.dates(w, period)}


def embed(v: dict) -> dict:
    w: Words = v["words"]
    period, facts = v["period"], v["facts"]
    return {"summary": period_summary(w, period, facts.periods[period.path], facts)}
