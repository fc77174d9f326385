"""What a poster or share image says, as plain data: every word is chosen here.

The model and facts are turned into small frozen records of strings and numbers.
That keeps drawing free of wording rules, lets worker processes receive them
by pickling, and gives the cache an exact description of the inputs: two equal
records draw equal pixels. Every fixed word comes from the UI catalogue through
`Translator` (Swedish keys; lofte/i18n/messages/en.yaml has the English), and
dates, numbers and plurals go through it too. Content text passes through
`glyphs.clean`, so nothing prints as an empty box.

Rules residents rely on: the main date is when something was last reported
(not when the poster was made, which is printed small); an ended period says so
and gives its final result, never a running status; each party's own status is
kept whole; 114 14 is printed only as the police's number.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lofte.content import statuses, urls
from lofte.content.derived import Facts, IndicatorState, PeriodState, PromiseState
from lofte.content.model import Municipality, Period, Promise, Site, is_unknown
from lofte.i18n.translate import Translator

from ..views import unstated
from . import glyphs
from .words import contacts, listing, period_span

LANG = "sv"  # posters are Swedish, like the documents they summarise
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


@dataclass(frozen=True, slots=True)
class Mark:
    """A status as symbol and word (never colour alone)."""
    symbol: str
    label: str


@dataclass(frozen=True, slots=True)
class Bar:
    fraction: float  # 0..1 of the way from the start of the scale to the target
    label: str  # "3 av 5 tillfällen – efter tidsplanen": the bar alone says too little
    expected: float | None = None  # where the schedule says it should be by now, 0..1


@dataclass(frozen=True, slots=True)
class Item:
    """One promise as a poster lists it."""
    title: str
    mark: Mark
    actors: str  # who promised, when they share the promise's status: "Polisen och Ankeby kommun"
    parties: str  # each party's own status when they differ: "Polisen: pågår · Ankeby kommun: försenat"
    parties_short: str  # the same with "Kommunen" for the municipality's long name
    bar: Bar | None
    latest: str  # "Senast 30 september 2026: …"
    latest_short: str  # "Senast 30 sep. 2026: …", for when the line is too long
    summary: str = ""  # what is promised, in a sentence or two: shown when the poster has room


@dataclass(frozen=True, slots=True)
class Words:
    """Fixed texts that drawing places: the catalogue's, in the poster's language."""
    follow: str  # above the address beside the QR code
    page: str  # "Sida {n} av {total}"
    continued: str  # "Löftena fortsätter på sida {n}."


@dataclass(frozen=True, slots=True)
class PosterData:
    title: str
    parties: str
    dates: str
    dates_short: str  # with abbreviated months, for when space is tight
    reported: str  # the main date: "Senast rapporterat 20 oktober 2026"
    reported_short: str
    made: str  # small: "Affischen skapades 5 december 2026"
    ended: str  # the band of an ended period, "Avslutad 31 december 2024"; "" while running
    ended_short: str  # "Avslutad 31 dec. 2024"
    result: str  # before the counts: "Slutbedömning:" for an ended period, else ""
    counts: tuple[Mark, ...]  # status (or verdict) tally of every promise of the period
    result_note: str  # instead of counts: "Ingen uppföljning publicerad" / "Ingen slutbedömning publicerad"
    items: tuple[Item, ...]
    url: str  # absolute, for the QR code
    address: str  # the same address as printed
    contacts: tuple[str, ...]  # municipality, police, emergency: one line each
    example: str  # the example label, "" for real data
    logo: bytes | None
    document_title: str  # the PDF's title
    words: Words


@dataclass(frozen=True, slots=True)
class ShareData:
    kicker: str
    heading: str
    detail: str
    marks: tuple[Mark, ...]
    bar: Bar | None
    ended: str  # as on the poster
    result_note: str
    reported: str
    reported_short: str
    address: str
    example: str  # the example label, "" for real data


def example(t: Translator, whole: bool, part: bool) -> str:
    """The label for example data: all of it invented, or only some updates or promises."""
    if whole:
        return t("EXEMPEL – påhittade uppgifter")
    return t("EXEMPEL – delvis påhittade uppgifter") if part else ""


def address(url: str) -> str:
    """The URL as people type it: without the scheme."""
    return url.split("://", 1)[-1]


def clean(t: Translator, text: str) -> str:
    return glyphs.clean(text, t("[tecken som inte kan skrivas ut]"))


def mark(t: Translator, key: str | None) -> Mark:
    if key is None or key == statuses.NO_VERDICT_KEY:  # a verdict nobody gave: the short form fits a row
        return Mark(statuses.NO_VERDICT.symbol, t("Ingen slutbedömning"))
    status = statuses.BY_KEY[key]
    return Mark(status.symbol, status.text(t.lang))


def finished(period: Period, state: PeriodState) -> bool:
    """Ended or followed up: the promises' answer is a verdict now, never a running status."""
    return state.ended or period.follow_up is not None


def counts(t: Translator, period: Period, state: PeriodState) -> tuple[tuple[Mark, ...], str]:
    """The tally per status (verdict, once finished), or the sentence saying there is none."""
    if not period.promises:  # nothing to tally or list: say why, rather than leave the poster blank
        return (), (unstated.sentence(t, "promises") if period.promises_unknown is not None
                    else t("Inga löften är publicerade för perioden."))
    if finished(period, state) and period.follow_up is None:
        return (), t("Ingen uppföljning publicerad")
    if finished(period, state) and all(k == "ingen slutbedömning" for k, _ in state.counts):
        return (), t("Ingen slutbedömning publicerad")
    return tuple(Mark(mark(t, k).symbol, t("{status}: {n}", status=mark(t, k).label, n=t.number(n)))
                 for k, n in state.counts), ""


def promise_mark(t: Translator, period: Period, pstate: PeriodState, state: PromiseState) -> Mark:
    """The final verdict once the period is over (or "Ingen slutbedömning"), else the current status."""
    return mark(t, state.verdict if period.follow_up else None) if finished(period, pstate) \
        else mark(t, state.status)


def who(t: Translator, m: Municipality, key: str, short: bool = False) -> str:
    if key == "polisen":
        return t("Polisen")
    if key == "kommunen":
        return t("Kommunen") if short else clean(t, m.name)
    return clean(t, next((p.name for p in m.partners if p.id == key), key))


def actors(t: Translator, state: PromiseState, m: Municipality, own_statuses: bool,
           short: bool = False) -> tuple[str, str]:
    """(who promised, each party's own status): the second only when a party's status is not the promise's."""
    names = [who(t, m, a.actor, short) for a in state.actors]
    own = {a.status for a in state.actors}
    if not names:
        return "", ""
    if not own_statuses or own == {state.status}:
        return listing(t, names), ""
    if len(own) == 1:  # all the same, but not the promise's: named once
        return "", t("{name}: {status}", name=listing(t, names), status=mark(t, own.pop()).label.lower())
    return "", " · ".join(t("{name}: {status}", name=n, status=mark(t, a.status).label.lower())
                          for n, a in zip(names, state.actors))


def bar(t: Translator, states: tuple[IndicatorState, ...], over: bool = False) -> Bar | None:
    """The first target with a measurable position, on a scale whose ends the label names.

    A measurement is "Nu" (now) only while the period runs; after it, the last one reported."""
    s = next((s for s in states if s.fraction is not None), None)
    if s is None:
        return None
    ind = s.indicator
    goal = t.quantity(s.goal, ind.unit, ind.unit_one)
    if ind.kind == "measure":
        now = t.quantity(s.current, ind.unit, ind.unit_one)
        if over:
            label = (t("Senast {current}, mål {goal} (utgångsläge {baseline})", current=now, goal=goal,
                       baseline=t.number(ind.baseline.value)) if ind.baseline
                     else t("Senast {current}, mål {goal}", current=now, goal=goal))
        else:
            label = (t("Nu {current}, mål {goal} (utgångsläge {baseline})", current=now, goal=goal,
                       baseline=t.number(ind.baseline.value)) if ind.baseline
                     else t("Nu {current}, mål {goal}", current=now, goal=goal))
    else:
        label = t("{current} av {goal}", current=t.number(s.current), goal=goal)
    if s.behind:
        label = t("{progress} – efter tidsplanen", progress=label)
    expected = s.expected / s.goal if s.expected is not None and s.goal else None
    return Bar(round(s.fraction, 4), clean(t, label), None if expected is None else round(min(1.0, expected), 4))


def latest(t: Translator, promise: Promise, state: PromiseState, over: bool, month: str = "MMMM") -> str:
    update = next((u for u in promise.updates if u.slug not in state.corrected_by), None)
    if update is None and over and statuses.reported_at_start(state.status):  # the status it was published with
        return t("Senast rapporterat: {status}", status=statuses.BY_KEY[state.status].text_ended(t.lang))
    if update is None:
        return t("Ingen rapport om arbetet publicerades") if over else t("Ingen rapport om arbetet ännu")
    return t("Senast {date}: {title}", date=t.date(update.date, f"d {month} y"), title=clean(t, update.title))


def item(t: Translator, promise: Promise, period: Period, m: Municipality, facts: Facts) -> Item:
    state, pstate = facts.promises[promise.path], facts.periods[period.path]
    over = finished(period, pstate)
    names, parties = actors(t, state, m, not over)
    return Item(clean(t, promise.title), promise_mark(t, period, pstate, state), names, parties,
                actors(t, state, m, not over, short=True)[1], bar(t, state.indicators, over),
                latest(t, promise, state, over), latest(t, promise, state, over, "MMM"), clean(t, promise.summary))


def parties(t: Translator, period: Period, m: Municipality, facts: Facts) -> str:
    involved = {a.actor for pr in period.promises for a in facts.promises[pr.path].actors}
    partners = [clean(t, p.name) for p in m.partners if p.id in involved]
    police = t("polisen") if is_unknown(m.police_area) else clean(t, m.police_area)  # no placeholder in a list of names
    return listing(t, [clean(t, m.name), police, *partners])


def reported(t: Translator, last: dt.date | None, over: bool, month: str = "MMMM") -> str:
    """The main date: when something was last reported (a period's newest update)."""
    if last:
        return t("Senast rapporterat {date}", date=t.date(last, f"d {month} y"))
    return t("Inget rapporterat under perioden") if over else t("Inget rapporterat ännu")


def ended(t: Translator, period: Period, state: PeriodState, month: str = "MMMM") -> str:
    if not finished(period, state):
        return ""
    return t("Avslutad {date}", date=t.date(period.end, f"d {month} y")) if period.end else t("Avslutad")


def logo(m: Municipality, content_dir: Path) -> bytes | None:
    """The municipality's own logo, if content supplies one Pillow can draw.

    The validator looks for the file next to kommun.yaml, the content guide
    describes a path from content/; both are accepted until they agree.
    """
    if m.logo is None or not m.logo.file.lower().endswith(LOGO_SUFFIXES):
        return None
    for path in (content_dir / m.slug / m.logo.file, content_dir / m.logo.file):
        if path.is_file():
            return path.read_bytes()
    return None


def poster(site: Site, m: Municipality, period: Period, facts: Facts, content_dir: Path,
           lang: str = LANG) -> PosterData:
    t, state = Translator(lang), facts.periods[period.path]
    url = urls.absolute(site.base_url, urls.period(period))
    tally, note = counts(t, period, state)
    return PosterData(
        title=clean(t, period.title), parties=parties(t, period, m, facts),
        dates=period_span(t, period, clean(t, period.dates_note)),
        dates_short=period_span(t, period, clean(t, period.dates_note), "MMM"),
        reported=reported(t, state.last_updated, finished(period, state)),
        reported_short=reported(t, state.last_updated, finished(period, state), "MMM"),
        made=t("Affischen skapades {date}", date=t.date(facts.build_date)),
        ended=ended(t, period, state), ended_short=ended(t, period, state, "MMM"),
        result=t("Slutbedömning:") if finished(period, state) else "",
        counts=tally, result_note=note,
        items=tuple(item(t, p, period, m, facts) for p in period.promises),
        url=url, address=address(url), contacts=tuple(clean(t, c) for c in contacts(t, site, m)),
        example=example(t, m.example or period.example, state.has_example), logo=logo(m, content_dir),
        document_title=f"{clean(t, period.title)} – {clean(t, m.name)}",
        words=Words(t("Följ arbetet och se hur det går:"), t("Sida {n} av {total}"),
                    t("Löftena fortsätter på sida {n}.")),
    )


def share_period(site: Site, m: Municipality, period: Period, facts: Facts, lang: str = LANG) -> ShareData:
    t, state = Translator(lang), facts.periods[period.path]
    tally, note = counts(t, period, state)
    return ShareData(
        kicker=clean(t, f"{site.title} · {m.short_name}"), heading=clean(t, period.title),
        detail=period_span(t, period, clean(t, period.dates_note)), marks=tally, bar=None,
        ended=ended(t, period, state), result_note=note,
        reported=reported(t, state.last_updated, finished(period, state)),
        reported_short=reported(t, state.last_updated, finished(period, state), "MMM"),
        address=address(urls.absolute(site.base_url, urls.period(period))),
        example=example(t, m.example or period.example, state.has_example),
    )


def share_promise(site: Site, m: Municipality, period: Period, promise: Promise, facts: Facts,
                  lang: str = LANG) -> ShareData:
    t, state, pstate = Translator(lang), facts.promises[promise.path], facts.periods[period.path]
    over = finished(period, pstate)
    names, own = actors(t, state, m, not over)
    return ShareData(
        kicker=clean(t, f"{site.title} · {m.short_name}"), heading=clean(t, promise.title),
        detail=own or names, marks=(promise_mark(t, period, pstate, state),),
        bar=bar(t, state.indicators, over), ended=ended(t, period, pstate), result_note="",
        reported=reported(t, state.last_updated, over), reported_short=reported(t, state.last_updated, over, "MMM"),
        address=address(urls.absolute(site.base_url, urls.promise(period, promise))),
        example=example(t, m.example or period.example or promise.example, state.has_example),
    )
