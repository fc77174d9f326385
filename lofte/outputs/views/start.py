"""View data of the start page (the national picture, every municipality) and a municipality page."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from lofte.content import statuses, urls
from lofte.content.model import Municipality, is_unknown

from . import unstated
from .sources import sources
from .summary import PeriodSummary, period_summary
from .words import Words


@dataclass(frozen=True, slots=True)
class CardPeriod:
    href: str
    title: object  # Part
    ended: str  # "Avslutad 31 december 2024" or ""
    line: str  # "4 löften: 1 pågår, 3 inte rapporterade", or what the source does not list
    overdue: str


@dataclass(frozen=True, slots=True)
class MunicipalityCard:
    href: str
    name: str
    slug: str
    example: bool
    police_area: Markup  # the area, or that the source does not name it
    periods: tuple[CardPeriod, ...]  # what the municipality's page leads with, newest first


@dataclass(frozen=True, slots=True)
class National:
    line: str  # "1 276 löften i 290 kommuner"
    running_line: str  # over all running periods
    ended_line: str  # over the municipalities whose newest period has ended
    undated_line: str = ""  # over newest periods the source gives no dates for: not said to be in force


def home(v: dict) -> dict:
    w: Words = v["words"]
    site, facts = v["site"], v["facts"]
    running: Counter = Counter()
    ended: Counter = Counter()
    undated: Counter = Counter()  # neither running nor ended: the source does not say when they apply
    # municipalities with promises in each tally, counted once however many current periods they have
    in_running: set[str] = set()
    in_ended: set[str] = set()
    in_undated: set[str] = set()
    promises = 0
    cards = []
    for m in site.municipalities:
        periods = []
        for current in facts.current_periods[m.slug]:
            ps = facts.periods[current.path]
            tally, among = ((ended, in_ended) if ps.ended else (running, in_running) if ps.running
                            else (undated, in_undated))
            card_ended = ""
            if ps.ended:
                card_ended = w._("Avslutad {date}", date=w.date(current.end)) if current.end else w._("Avslutad")
            if current.promises:
                among.add(m.slug)
            promises += len(current.promises)
            tally.update(dict(ps.counts))
            line = (f"{w.promises(len(current.promises))}: {w.tally(ps.counts)}" if current.promises
                    else period_summary(w, current, ps, facts).line)
            overdue = (w._.n(ps.overdue, "{n} löfte har inte uppdaterats i tid.", "{n} löften har inte uppdaterats i tid.")
                       if ps.overdue else "")
            periods.append(CardPeriod(urls.period(current), w.tr(current, "title"), card_ended, line, overdue))
        cards.append(MunicipalityCard(urls.municipality(m), m.name, m.slug, m.example, police_area(w, m),
                                      tuple(periods)))
    order = statuses.PROGRESS_KEYS
    verdict_order = statuses.VERDICT_KEYS + (statuses.NO_VERDICT_KEY,)
    run = tuple((k, running[k]) for k in order if running[k])
    end = tuple((k, ended[k]) for k in verdict_order if ended[k])
    undated_run = tuple((k, undated[k]) for k in order if undated[k])
    national = National(
        line=w._("{promises} i {municipalities}", promises=w.promises(promises),
                 municipalities=w._.n(len(site.municipalities), "{n} kommun", "{n} kommuner")),
        running_line=(w._.n(len(in_running), "Löften som gäller nu, i {n} kommun: {tally}.",
                            "Löften som gäller nu, i {n} kommuner: {tally}.", tally=w.tally(run))
                      if run else ""),
        ended_line=(w._.n(len(in_ended), "I {n} kommun är den senaste perioden avslutad: {tally}.",
                          "I {n} kommuner är den senaste perioden avslutad: {tally}.", tally=w.tally(end))
                    if end else ""),
        undated_line=(w._.n(len(in_undated), "I {n} kommun anger källan inte när de senaste löftena gäller: {tally}.",
                            "I {n} kommuner anger källan inte när de senaste löftena gäller: {tally}.",
                            tally=w.tally(undated_run))
                      if undated_run else ""),
    )
    return {"national": national, "cards": cards}


def police_area(w: Words, m: Municipality) -> Markup:
    if is_unknown(m.police_area):
        return unstated.phrase(w, "police_area", m.police_area)
    return Markup("%s") % m.police_area


def given_by(w: Words, m: Municipality) -> Markup:
    """"Löftena ges av Sala kommun och polisen i Lokalpolisområde Sala." – or, where the
    source names no police area, the sentence without it and a sentence saying so."""
    if not is_unknown(m.police_area):
        return Markup("%s") % w._("Löftena ges av {municipality} och polisen i {area}.", municipality=m.name,
                                  area=m.police_area)
    return (Markup("%s ") % w._("Löftena ges av {municipality} och polisen.", municipality=m.name)
            + unstated.phrase(w, "police_area", m.police_area))


@dataclass(frozen=True, slots=True)
class Current:
    period: object
    summary: PeriodSummary
    dates: Markup
    heading: str  # "Aktuella löften" / "Senaste löftena"


def municipality(v: dict) -> dict:
    """A municipality page leads with its current periods' summaries (overlapping periods all)."""
    w: Words = v["words"]
    m, facts = v["municipality"], v["facts"]
    current = []
    for p in facts.current_periods[m.slug]:
        summary = period_summary(w, p, facts.periods[p.path], facts)
        heading = w._("Senaste löftena") if summary.ended or not facts.periods[p.path].running else w._("Aktuella löften")
        current.append(Current(p, summary, unstated.dates(w, p), heading))
    newest = m.periods[-1] if m.periods else None
    archive = [(urls.period(p), w.tr(p, "title"), facts.periods[p.path].ended) for p in reversed(m.periods)]
    return {"current": current, "archive": archive, "sources": sources(m.sources), "given_by": given_by(w, m),
            # only when what the page leads with is over and nothing newer exists
            "no_newer": bool(current) and all(c.summary.ended for c in current) and newest in [c.period for c in current]}


def statuses_page(v: dict) -> dict:
    """Every label with its public definition, as the status page lists them."""
    w: Words = v["words"]
    define = lambda group: [(w.status(s.key), s.definition.get(w.lang, s.definition["sv"])) for s in group]  # noqa: E731
    return {"progress": define(statuses.PROGRESS), "verdicts": define(statuses.VERDICTS),
            "no_verdict": define((statuses.NO_VERDICT,))[0]}
