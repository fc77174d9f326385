"""View data of the start page (the national picture, every municipality) and a municipality page."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lofte.content import statuses, urls

from .sources import source
from .summary import PeriodSummary, period_summary
from .words import Words


@dataclass(frozen=True, slots=True)
class MunicipalityCard:
    href: str
    name: str
    slug: str
    example: bool
    police_area: str
    period_href: str
    period_title: object  # Part, or "" without any period
    ended: str  # "Avslutad 31 december 2024" or ""
    line: str  # "4 löften: 1 pågår, 3 inte rapporterade"
    overdue: str


@dataclass(frozen=True, slots=True)
class National:
    line: str  # "1 276 löften i 290 kommuner"
    running_line: str  # over all running periods
    ended_line: str  # over the municipalities whose newest period has ended


def home(v: dict) -> dict:
    w: Words = v["words"]
    site, facts = v["site"], v["facts"]
    running: Counter = Counter()
    ended: Counter = Counter()
    n_running = n_ended = promises = 0
    cards = []
    for m in site.municipalities:
        current = facts.current_period[m.slug]
        card_line = card_ended = overdue = ""
        if current is not None:
            ps = facts.periods[current.path]
            tally = ended if ps.ended else running
            if ps.ended:
                n_ended += 1
                card_ended = w._("Avslutad {date}", date=w.date(current.end)) if current.end else w._("Avslutad")
            else:
                n_running += 1
            promises += len(current.promises)
            tally.update(dict(ps.counts))
            card_line = f"{w.promises(len(current.promises))}: {w.tally(ps.counts)}" if current.promises else ""
            overdue = (w._.n(ps.overdue, "{n} löfte har inte uppdaterats i tid.", "{n} löften har inte uppdaterats i tid.")
                       if ps.overdue else "")
        cards.append(MunicipalityCard(urls.municipality(m), m.name, m.slug, m.example, m.police_area,
                                      urls.period(current) if current else "",
                                      w.tr(current, "title") if current else "", card_ended, card_line, overdue))
    order = statuses.PROGRESS_KEYS
    verdict_order = statuses.VERDICT_KEYS + (statuses.NO_VERDICT_KEY,)
    run = tuple((k, running[k]) for k in order if running[k])
    end = tuple((k, ended[k]) for k in verdict_order if ended[k])
    national = National(
        line=w._("{promises} i {municipalities}", promises=w.promises(promises),
                 municipalities=w._.n(len(site.municipalities), "{n} kommun", "{n} kommuner")),
        running_line=(w._.n(n_running, "Löften som gäller nu, i {n} kommun: {tally}.",
                            "Löften som gäller nu, i {n} kommuner: {tally}.", tally=w.tally(run))
                      if run else ""),
        ended_line=(w._.n(n_ended, "I {n} kommun är den senaste perioden avslutad: {tally}.",
                          "I {n} kommuner är den senaste perioden avslutad: {tally}.", tally=w.tally(end))
                    if end else ""),
    )
    return {"national": national, "cards": cards}


def municipality(v: dict) -> dict:
    """A municipality page leads with its current period's summary."""
    w: Words = v["words"]
    m, facts = v["municipality"], v["facts"]
    current = facts.current_period[m.slug]
    summary: PeriodSummary | None = None
    if current is not None:
        summary = period_summary(w, current, facts.periods[current.path], facts)
    archive = [(urls.period(p), w.tr(p, "title"), facts.periods[p.path].ended) for p in reversed(m.periods)]
    return {"current": current, "summary": summary, "archive": archive, "source": source(m.source)}


def statuses_page(v: dict) -> dict:
    """Every label with its public definition, as the status page lists them."""
    w: Words = v["words"]
    define = lambda group: [(w.status(s.key), s.definition.get(w.lang, s.definition["sv"])) for s in group]  # noqa: E731
    return {"progress": define(statuses.PROGRESS), "verdicts": define(statuses.VERDICTS),
            "no_verdict": define((statuses.NO_VERDICT,))[0]}
