"""View data of a period's pages: the period page, its follow-up, its editors' page and its embed."""
from __future__ import annotations

from dataclasses import dataclass

from lofte.content import statuses, urls

from . import embed_code, notices
from .sources import source
from .summary import period_summary
from .words import Words


@dataclass(frozen=True, slots=True)
class PosterLink:
    size: str  # "A4"
    pdf: str
    png: str


def posters(period) -> tuple[PosterLink, ...]:
    return tuple(PosterLink(size.upper(), urls.poster(period, size, "pdf"), urls.poster(period, size, "png"))
                 for size in ("a4", "a3"))


def view(v: dict) -> dict:
    w: Words = v["words"]
    period, facts, m = v["period"], v["facts"], v["municipality"]
    ps = facts.periods[period.path]
    plan = period.feedback_plan
    return {
        "summary": period_summary(w, period, ps, facts),
        "parties": ", ".join([m.name, m.police_area, *(p.name for p in m.partners)]),
        "interval": (w._("Varje löfte ska uppdateras {how}.", how=w.interval(plan.interval_days))
                     if plan and plan.interval_days else ""),
        "posters": posters(period),
        "editors": urls.embed_code(period),
        "source": source(period.source),
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
    given: list[tuple[str, object]] = []  # parts with the same text (often "not stated") are said once
    for name, text in parts:
        if text:
            same = next((i for i, (_n, t) in enumerate(given) if t.markdown.strip() == text.markdown.strip()), None)
            if same is None:
                given.append((name, text))
            else:
                given[same] = (w.listing([given[same][0], name.lower()]), text)
    missing = [name.lower() for name, text in parts if not text]
    return {"rows": rows, "parts": given,
            "missing": (w._("Uppföljningen beskriver inte: {parts}.", parts=w.listing(missing)) if missing else ""),
            "document": source(fu.document)}


def embed(v: dict) -> dict:
    w: Words = v["words"]
    period, facts = v["period"], v["facts"]
    return {"summary": period_summary(w, period, facts.periods[period.path], facts)}
