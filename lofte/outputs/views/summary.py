"""The answer first: what a promise or a period has come to, in the words a resident reads.

One block under a promise's title (status, who and how each is doing, progress,
last and next report) and one summary line and compact list at the top of a
period. After a period's end both lead with "Avslutad" and the final verdict, or
say plainly that none was published; a running status ("Pågår") never shows for
an ended period, and nothing says "ännu" ("yet") about something that is over.
"""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from markupsafe import Markup, escape

from lofte.content import statuses, urls
from lofte.content.derived import Facts, IndicatorState, PeriodState, PromiseState
from lofte.content.model import Period, Promise, is_unknown

from . import unstated
from .progress import ProgressView, progress
from .words import StatusView, Words


@dataclass(frozen=True, slots=True)
class ActorRow:
    name: str
    responsible: object  # Part, or "" where content names no unit
    status: StatusView
    note: str  # "inte rapporterat sedan 1 januari 2024"
    unstated: Markup = Markup("")  # "Ansvarig enhet anges inte i källan." where the source names none


@dataclass(frozen=True, slots=True)
class PromiseSummary:
    ended: str  # "Avslutad 31 december 2024", or ""
    answer_label: str  # "Slutbedömning" or "Status"
    answer: StatusView
    answer_note: str
    actors: tuple[ActorRow, ...]
    actors_label: str  # "Vem lovar" / "Läget vid periodens slut"
    progress: tuple[ProgressView, ...]
    last_report: str
    next_report: str
    late: bool
    follow_up: str  # the follow-up page of the period, or ""
    dates: object  # the promise's time frame (Markup)


def ended_text(w: Words, end: dt.date | None) -> str:
    return w._("Avslutad {date}", date=w.date(end)) if end else w._("Avslutad")


def promise_summary(w: Words, promise: Promise, period: Period, st: PromiseState, facts: Facts) -> PromiseSummary:
    _ = w._
    end = promise.end or unstated.known(period.end)
    start = promise.start or unstated.known(period.start)
    rows = tuple(actor_row(w, a.actor, a.responsible, a.status, st, a.actor in st.example_actors)
                 for a in st.actors)
    if st.ended:
        answer = w.status(st.final or statuses.NO_VERDICT_KEY)
        label, note = _("Slutbedömning"), ended_note(w, promise, period, st)
    else:
        answer = w.status(st.status, example=st.status_example)
        label, note = _("Status"), running_note(w, st, rows, facts.build_date)
    if st.last_updated:
        last = w.date(st.last_updated)
    elif st.ended:  # a status published with the promise was reported; updates were not
        last = (_("Inga uppdateringar under perioden") if statuses.reported_at_start(st.status)
                else _("Inget rapporterades under perioden"))
    elif start and start <= facts.build_date:
        last = _("Inget rapporterat sedan perioden började {date}", date=w.date(start))
    else:
        last = _("Inget rapporterat")
    nxt = ""
    if st.next_due and not st.ended:
        nxt = (_("Försenad: skulle ha kommit senast {date}", date=w.date(st.next_due)) if st.overdue
               else _("Senast {date}", date=w.date(st.next_due)))
    return PromiseSummary(
        ended=ended_text(w, end) if st.ended else "", answer_label=label, answer=answer, answer_note=note,
        actors=rows, actors_label=_("Läget när perioden tog slut") if st.ended else _("Vem lovar"),
        progress=tuple(indicator_progress(w, period, promise, s, st, facts) for s in st.indicators),
        last_report=last, next_report=nxt, late=st.overdue,
        follow_up=urls.follow_up(period) if period.follow_up is not None else "",
        dates=(escape(f"{w.date(start)} – {w.date(end)}") if start and end else unstated.dates(w, period)),
    )


def actor_row(w: Words, actor: str, responsible: str, status: str, st: PromiseState, example: bool) -> ActorRow:
    note = ""
    if status == "ingen uppgift":
        since = st.since.get(actor)
        if st.ended:
            note = w._("rapporterade inget under perioden")
        elif since:
            note = w._("inget rapporterat sedan {date}", date=w.date(since))
    return ActorRow(w.actor(actor), w.tr.sv(responsible) if responsible else "",
                    w.status(status, example=example, ended=st.ended), note,
                    unstated.phrase(w, "responsible", responsible) if is_unknown(responsible) else Markup(""))


def running_note(w: Words, st: PromiseState, rows: tuple[ActorRow, ...], today: dt.date) -> str:
    """Who has not reported, and since when: the honest reading of "Inte rapporterat"."""
    if st.status != "ingen uppgift":
        return ""
    silent = [r.name for r, a in zip(rows, st.actors) if a.status == "ingen uppgift"]
    if not silent:
        return w._("Ingen samlad status är rapporterad. Se hur det går för var och en nedan.")
    who = w.listing(silent)
    if st.status_since and st.status_since <= today:
        return w._("{who} har inte rapporterat hur arbetet går sedan {date}.", who=who, date=w.date(st.status_since))
    return w._("{who} har inte rapporterat hur arbetet går.", who=who)


def ended_note(w: Words, promise: Promise, period: Period, st: PromiseState) -> str:
    """What the end came to: the follow-up's verdict, or what was last reported before it."""
    _ = w._
    if st.verdict:
        return ""
    before = w.status(st.status, ended=True)
    if period.follow_up is not None:
        text = _("Uppföljningen ger ingen slutbedömning av det här löftet.")
    else:
        text = _("Ingen uppföljning är publicerad, så ingen vet här om löftet hölls.")
    if st.last_updated:
        text += " " + _("Senast rapporterat läge ({date}): {status}.", date=w.date(st.last_updated),
                        status=before.label)
    elif statuses.reported_at_start(st.status):  # the status the promise was published with, as its card says
        text += " " + _("Senast rapporterat läge: {status}.", status=before.label)
    else:
        text += " " + _("Inget rapporterades under perioden.")
    return text


@dataclass(frozen=True, slots=True)
class PromiseRow:
    href: str
    title: object  # Part
    status: StatusView
    before: str  # on an ended period without verdict: what was last reported
    progress: tuple[ProgressView, ...]
    late: str
    unofficial: str  # "Inofficiell översättning" where the title is one


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    ended: str  # "Avslutad 31 december 2024" or ""
    upcoming: str
    heading: str  # "Så går det" / "Så gick det"
    line: str  # "6 löften: 2 hållna, 3 pågår, 1 försenat"
    counts: tuple[tuple[StatusView, int], ...]
    note: str  # what an ended period without follow-up means
    rows: tuple[PromiseRow, ...]
    overdue: str
    last_updated: str
    unlisted: Markup = Markup("")  # that the source does not list (all) the period's promises


class _Made:
    """A period's summary is shown on its page, its embed and its municipality's page, and an
    indicator's progress in the period's list and on its promise's page, in each language: made
    once per build (one facts object), municipality and language, not once per page. A
    municipality's pages are rendered together, so only its views are kept."""
    facts: weakref.ref | None = None
    municipality: str = ""
    views: dict = {}


def _made(w: Words, facts: Facts, municipality: str, kind: str, key: object, make):
    """The view `make()` returns, made once per (kind, key) in this page's languages (see _Made)."""
    if _Made.facts is None or _Made.facts() is not facts or _Made.municipality != municipality:
        _Made.facts, _Made.municipality, _Made.views = weakref.ref(facts), municipality, {}
    key = (kind, key, w.tr.content_lang, w.lang)
    view = _Made.views.get(key)
    if view is None:
        view = _Made.views[key] = make()
    return view


def period_summary(w: Words, period: Period, ps: PeriodState, facts: Facts) -> PeriodSummary:
    return _made(w, facts, period.municipality, "period", period.path,
                 lambda: _period_summary(w, period, ps, facts))


def indicator_progress(w: Words, period: Period, promise: Promise, s: IndicatorState, st: PromiseState,
                       facts: Facts) -> ProgressView:
    """The progress of one of a promise's indicators (`s` is one of `facts`' states, so its id is a key)."""
    return _made(w, facts, period.municipality, "progress", id(s),
                 lambda: progress(w, s, w.tr.translation(promise), facts.build_date, st.ended))


def _period_summary(w: Words, period: Period, ps: PeriodState, facts: Facts) -> PeriodSummary:
    _ = w._
    rows = []
    for pr in period.promises:
        st = facts.promises[pr.path]
        translation = w.tr.translation(pr)
        if st.ended:
            status = w.status(st.final or statuses.NO_VERDICT_KEY)
            before = ("" if st.verdict
                      else _("Senast rapporterat: {status}", status=w.status(st.status, ended=True).label)
                      if st.last_updated or statuses.reported_at_start(st.status)
                      else _("Inget rapporterades under perioden"))
        else:
            status, before = w.status(st.status, example=st.status_example), ""
            if st.status == "ingen uppgift" and st.status_since:
                before = _("inget rapporterat sedan {date}", date=w.date(st.status_since))
            elif not ps.dated and st.last_updated:  # no end to read "pågår" against: say how old it is
                before = _("senast rapporterat {date}", date=w.date(st.last_updated))
        late = _("Uppdatering saknas sedan {date}", date=w.date(st.next_due)) if st.overdue else ""
        rows.append(PromiseRow(urls.promise(period, pr), w.tr(pr, "title"), status, before,
                               tuple(indicator_progress(w, period, pr, s, st, facts)
                                     for s in st.indicators if s.current is not None or s.goal is not None),
                               late, _("Inofficiell översättning") if translation and not translation.official else ""))
    note = ""
    if ps.ended and period.follow_up is None:
        note = _("Perioden är slut, men ingen uppföljning är publicerad. Därför finns ingen slutbedömning av löftena.")
    elif ps.ended and (missing := dict(ps.counts).get(statuses.NO_VERDICT_KEY, 0)):
        note = w._.n(missing, "Uppföljningen ger ingen slutbedömning av {n} av löftena.",
                     "Uppföljningen ger ingen slutbedömning av {n} av löftena.")
    total = len(period.promises)
    unlisted = Markup("")
    if total:
        line = f"{w.promises(total)}: {w.tally(ps.counts)}"
        if period.promises_unknown is not None:
            unlisted = unstated.phrase(w, "some_promises", period.promises_unknown)
    elif period.promises_unknown is not None:
        line = _("Källan listar inte periodens löften.")
        note_ = period.promises_unknown.note
        unlisted = Markup(w.tr.sv(note_).__html__()) if note_ else Markup("")
    else:
        line = _("Inga löften är publicerade för perioden.")
    return PeriodSummary(
        ended=ended_text(w, period.end) if ps.ended else "",
        upcoming=_("Perioden börjar {date}.", date=w.date(period.start)) if ps.upcoming else "",
        heading=_("Så gick det") if ps.ended else _("Så går det"), line=line,
        counts=tuple((w.status(k), n) for k, n in ps.counts), note=note, rows=tuple(rows), unlisted=unlisted,
        overdue=(w._.n(ps.overdue, "{n} löfte har inte uppdaterats så ofta som planen för återkoppling säger.",
                       "{n} löften har inte uppdaterats så ofta som planen för återkoppling säger.")
                 if ps.overdue else ""),
        last_updated=w.date(ps.last_updated),
    )
