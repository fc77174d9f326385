"""What a poster or share image says, as plain data: every word is chosen here.

The model and facts are turned into small frozen records of strings and numbers.
That keeps drawing free of wording rules, lets worker processes receive them
by pickling, and gives the cache an exact description of the inputs: two equal
records draw equal pixels. Dates and numbers are formatted with Babel in
Swedish ("22 november 2026").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal

from lofte.content import statuses, urls
from lofte.content.derived import Facts, IndicatorState, PromiseState
from lofte.content.model import Municipality, Period, Promise, Site
from lofte.i18n.labels import actor_name

LOCALE = "sv"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
NO_VERDICT = ("?", "Ingen slutbedömning")  # derived.py's "ingen slutbedömning" has no Status
INVENTED = "EXEMPEL – påhittade uppgifter"
PARTLY_INVENTED = "EXEMPEL – delvis påhittade uppgifter"


@dataclass(frozen=True, slots=True)
class Mark:
    """A status as symbol and word (never colour alone)."""
    symbol: str
    label: str


@dataclass(frozen=True, slots=True)
class Bar:
    fraction: float  # 0..1
    label: str  # "3 av 5 trygghetsvandringar"


@dataclass(frozen=True, slots=True)
class Item:
    """One promise as a poster lists it."""
    title: str
    mark: Mark
    actors: str  # "Polisen och Ankeby kommun", or each actor with its own status
    bar: Bar | None
    latest: str  # "Senast 30 september 2026: …"
    latest_short: str  # "Senast 30 sep. 2026: …", for when the line is too long
    summary: str = ""  # what is promised, in a sentence or two: shown when the poster has room


@dataclass(frozen=True, slots=True)
class PosterData:
    title: str
    parties: str
    dates: str
    dates_short: str  # with abbreviated months, for when space is tight
    as_of: str
    counts: tuple[Mark, ...]
    items: tuple[Item, ...]
    url: str  # absolute, for the QR code
    address: str  # the same address as printed
    feedback: str
    example: str  # the example label, "" for real data
    logo: bytes | None
    document_title: str  # the PDF's title


@dataclass(frozen=True, slots=True)
class ShareData:
    kicker: str
    heading: str
    detail: str
    marks: tuple[Mark, ...]
    bar: Bar | None
    as_of: str
    address: str
    example: str  # the example label, "" for real data


def example(whole: bool, part: bool) -> str:
    """The label for example data: all of it invented, or only some updates or promises."""
    return INVENTED if whole else PARTLY_INVENTED if part else ""


def date(d: dt.date) -> str:
    return format_date(d, "d MMMM y", locale=LOCALE)


def number(value: float) -> str:
    return format_decimal(value, locale=LOCALE)


def span(start: dt.date | None, end: dt.date | None, note: str, month: str = "MMMM") -> str:
    """The time frame; without dates, the first sentence of the note saying why."""
    if start and end:
        last = format_date(end, f"d {month} y", locale=LOCALE)
        first = format_date(start, f"d {month}" + (" y" if start.year != end.year else ""), locale=LOCALE)
        return f"{first} – {last}"
    if start or end:
        return f"Från {date(start)}" if start else f"Till och med {date(end)}"
    first_sentence = note.split(". ", 1)[0].rstrip(".")
    return f"Tidsram: {first_sentence}" if first_sentence else ""


def as_of(build_date: dt.date) -> str:
    return f"Läget {date(build_date)}"


def address(url: str) -> str:
    """The URL as people type it: without the scheme."""
    return url.split("://", 1)[-1]


def listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def mark(key: str | None) -> Mark:
    status = statuses.BY_KEY.get(key or "")
    return Mark(status.symbol, status.text("sv")) if status else Mark(*NO_VERDICT)


def counts(tally: tuple[tuple[str, int], ...]) -> tuple[Mark, ...]:
    return tuple(Mark(mark(k).symbol, f"{mark(k).label}: {n}") for k, n in tally)


def promise_mark(period: Period, state: PromiseState) -> Mark:
    """The final verdict once a period has been followed up, else the current status."""
    return mark(state.verdict) if period.follow_up else mark(state.status)


def actors(state: PromiseState, period: Period, m: Municipality) -> str:
    """Who promised; each actor's own status too when it is not the promise's."""
    names = [actor_name(m, a.actor) for a in state.actors]
    if not names:
        return ""
    own = {a.status for a in state.actors}
    if period.follow_up or own == {state.status}:
        return listing(names)
    if len(own) == 1:
        return f"{listing(names)}: {mark(own.pop()).label.lower()}"
    return " · ".join(f"{n}: {mark(a.status).label.lower()}" for n, a in zip(names, state.actors))


def bar(states: tuple[IndicatorState, ...]) -> Bar | None:
    s = next((s for s in states if s.fraction is not None), None)
    if s is None:
        return None
    unit = s.indicator.unit
    if s.indicator.kind == "measure":
        label = f"Nu {number(s.current)} {unit}, mål {number(s.goal)} {unit}"
    else:
        label = f"{number(s.current)} av {number(s.goal)} {unit}"
    if s.behind:
        label += " – efter tidsplanen"
    return Bar(round(s.fraction, 4), label)


def latest(promise: Promise, state: PromiseState, month: str = "MMMM") -> str:
    update = next((u for u in promise.updates if u.slug not in state.corrected_by), None)
    if update is None:
        return "Ingen rapport om arbetet ännu"
    return f"Senast {format_date(update.date, f'd {month} y', locale=LOCALE)}: {update.title}"


def item(promise: Promise, period: Period, m: Municipality, facts: Facts) -> Item:
    state = facts.promises[promise.path]
    return Item(promise.title, promise_mark(period, state), actors(state, period, m),
                bar(state.indicators), latest(promise, state), latest(promise, state, "MMM"), promise.summary)


def parties(period: Period, m: Municipality, facts: Facts) -> str:
    involved = {a.actor for pr in period.promises for a in facts.promises[pr.path].actors}
    partners = [p.name for p in m.partners if p.id in involved]
    return listing([m.name, m.police_area, *partners])


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


def poster(site: Site, m: Municipality, period: Period, facts: Facts, content_dir: Path) -> PosterData:
    state = facts.periods[period.path]
    url = urls.absolute(site.base_url, urls.period(period))
    return PosterData(
        title=period.title, parties=parties(period, m, facts),
        dates=span(period.start, period.end, period.dates_note),
        dates_short=span(period.start, period.end, period.dates_note, "MMM"), as_of=as_of(facts.build_date),
        counts=counts(state.counts),
        items=tuple(item(p, period, m, facts) for p in period.promises),
        url=url, address=address(url), feedback=site.feedback,
        example=example(m.example or period.example, state.has_example), logo=logo(m, content_dir),
        document_title=f"{period.title} – {m.name}",
    )


def share_period(site: Site, m: Municipality, period: Period, facts: Facts) -> ShareData:
    state = facts.periods[period.path]
    return ShareData(
        kicker=f"{site.title} · {m.short_name}", heading=period.title,
        detail=span(period.start, period.end, period.dates_note),
        marks=counts(state.counts),
        bar=None, as_of=as_of(facts.build_date),
        address=address(urls.absolute(site.base_url, urls.period(period))),
        example=example(m.example or period.example, state.has_example),
    )


def share_promise(site: Site, m: Municipality, period: Period, promise: Promise, facts: Facts) -> ShareData:
    state = facts.promises[promise.path]
    return ShareData(
        kicker=f"{site.title} · {m.short_name}", heading=promise.title,
        detail=actors(state, period, m), marks=(promise_mark(period, state),),
        bar=bar(state.indicators), as_of=as_of(facts.build_date),
        address=address(urls.absolute(site.base_url, urls.promise(period, promise))),
        example=example(m.example or period.example or promise.example, state.has_example),
    )
