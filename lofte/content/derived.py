"""Facts the build derives from the model: progress, schedule, freshness, totals.

Computed once per build, from the model and the build date only (never the
clock), so every output shows the same numbers. Rules:

- The status in `index.md` is the status when the promise was published; each
  dated update may change it (`status`, `actor_status`), and the newest change
  wins. That way every change has a date and can be listed in the change log.
- An update that `corrects` an earlier one replaces that update's numbers.
- count/frequency indicators sum the values reported in updates; a measure
  indicator takes the newest reported value.
- *Behind schedule*: a counted target is behind when fewer occurrences are
  recorded than the share of the time frame that has passed calls for.
- *Overdue*: no update within the feedback plan's interval while running.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Callable

from . import chronology, statuses
from .chronology import known
from .model import ActorStatus, Indicator, Municipality, Period, Promise, Site, Update

FREQUENCY_DAYS = {"day": 1, "week": 7, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}


@dataclass(frozen=True, slots=True)
class IndicatorState:
    indicator: Indicator
    current: float | None  # count so far, or newest measured value
    current_date: dt.date | None
    example: bool  # some of the values counted come from example updates
    goal: float | None  # total target (frequency: per-period target × periods)
    expected: float | None  # what the schedule calls for by the build date
    fraction: float | None  # 0..1 towards the goal, for bars
    behind: bool
    reached: bool
    missed: bool  # the time frame is over and the goal was not reached
    # The scale a bar or chart draws on, named at both ends: baseline → target for a
    # measure, 0 → goal for a count. None where no honest scale exists.
    scale: tuple[float, float] | None = None
    # Dated values as a chart draws them: each measurement, or the running total of a count.
    series: tuple[tuple[dt.date, float, bool], ...] = ()
    # The time axis: from the start of the time frame (or the baseline) to the deadline.
    span: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True, slots=True)
class Change:
    date: dt.date
    kind: str  # "status" | "actor" | "correction"
    example: bool
    update: str  # slug of the update that made the change
    before: str
    after: str
    actor: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class PromiseState:
    status: str  # current progress key
    status_example: bool  # the current status was set by an example update
    actors: tuple[ActorStatus, ...]  # with current statuses
    example_actors: frozenset[str]  # actors whose current status an example update set
    verdict: str | None
    indicators: tuple[IndicatorState, ...]
    last_updated: dt.date | None
    next_due: dt.date | None
    overdue: bool
    behind: bool
    changes: tuple[Change, ...]  # newest first
    corrected_by: dict[str, str]  # update slug -> slug of the update correcting it
    has_example: bool
    ended: bool = False  # the promise's time frame (or its period) is over, or the period is followed up
    final: str | None = None  # once ended: the verdict, or statuses.NO_VERDICT_KEY
    # Since when nothing has been reported: by actor, the date its status last changed,
    # else the start of the time frame (None where the source gives no dates).
    since: dict[str, dt.date | None] = field(default_factory=dict)
    status_since: dt.date | None = None  # the same for the promise's own status


@dataclass(frozen=True, slots=True)
class PeriodState:
    ended: bool  # past its end, or followed up: told by its verdicts
    running: bool
    upcoming: bool
    dated: bool  # False where the source gives no start and end
    elapsed: float | None  # share of the period that has passed, 0..1
    counts: tuple[tuple[str, int], ...]  # (status or verdict key, number), vocabulary order
    overdue: int
    last_updated: dt.date | None
    has_example: bool


@dataclass
class Facts:
    build_date: dt.date
    promises: dict[str, PromiseState] = field(default_factory=dict)  # by promise path
    periods: dict[str, PeriodState] = field(default_factory=dict)  # by period path
    # by municipality slug, newest first: every running period (a municipality-wide and a local
    # one can overlap), and the newest period when it is newer than them (see current_periods)
    current_periods: dict[str, tuple[Period, ...]] = field(default_factory=dict)


def elapsed_share(start: dt.date | None, end: dt.date | None, today: dt.date) -> float | None:
    if not start or not end or end <= start:
        return None
    return min(1.0, max(0.0, (today - start).days / (end - start).days))


def _effective_updates(updates: tuple[Update, ...]) -> tuple[list[Update], dict[str, str]]:
    corrected_by = {u.corrects: u.slug for u in updates if u.corrects}
    return [u for u in updates if u.slug not in corrected_by], corrected_by


def occurrences(frequency: str, start: dt.date, end: dt.date) -> int:
    """How many days, weekdays, weeks … a time frame holds (at least one)."""
    days = (end - start).days + 1
    if frequency == "weekday":  # Monday to Friday
        weeks, rest = divmod(days, 7)
        return max(1, weeks * 5 + sum(1 for i in range(rest) if (start.weekday() + i) % 7 < 5))
    return max(1, round(days / FREQUENCY_DAYS[frequency]))


def indicator_state(ind: Indicator, updates: list[Update], start, end, today) -> IndicatorState:
    if ind.target and ind.target.date:
        end = ind.target.date  # the indicator's own deadline, if it has one
    values = [(u.date, p.value, u.example) for u in sorted(updates, key=lambda u: (u.date, u.slug))
              for p in u.progress if p.indicator == ind.id]
    share = elapsed_share(start, end, today)
    if ind.kind == "measure":
        current, current_date = (values[-1][1], values[-1][0]) if values else (None, None)
        example = bool(values) and values[-1][2]
        goal = ind.target.value if ind.target else None
        fraction = reached = None
        base = ind.baseline.value if ind.baseline else None
        scale = None
        if goal is not None and (base is not None or ind.direction != "decrease"):
            scale = (base if base is not None else 0.0, goal)  # a fall needs its starting point
        if goal is not None and current is not None:
            reached = (current >= goal if ind.direction != "decrease" else current <= goal)
            if scale is not None:
                width = scale[1] - scale[0]
                fraction = 1.0 if width == 0 else max(0.0, min(1.0, (current - scale[0]) / width))
        over = bool(end and today > end)
        first = ind.baseline.date if ind.baseline and ind.baseline.date else start
        axis = _axis(first, end, [d for d, _, _ in values])
        return IndicatorState(ind, current, current_date, example, goal, None, fraction, False,
                              bool(reached), over and goal is not None and not reached,
                              scale, tuple(values), axis)
    current = sum(v for _, v, _ in values)
    current_date = values[-1][0] if values else None
    example = any(e for _, _, e in values)
    goal = ind.target.value if ind.target else None
    if ind.kind == "frequency" and goal is not None:
        # "once a day" makes a total only over a time frame; without one there is the rate, no total
        goal = goal * occurrences(ind.frequency, start, end) if start and end else None
    expected = math.floor(goal * share) if goal is not None and share is not None else None
    fraction = (min(1.0, current / goal) if goal else None)
    over = bool(end and today > end)
    reached = goal is not None and current >= goal
    behind = expected is not None and current < expected and not over
    total, running = 0.0, []
    for date, value, ex in values:
        total += value
        running.append((date, total, ex))
    return IndicatorState(ind, current, current_date, example, goal, None if over else expected,
                          fraction, behind, reached, over and goal is not None and not reached,
                          (0.0, goal) if goal else None, tuple(running), _axis(start, end, [d for d, _, _ in values]))


def _axis(start: dt.date | None, end: dt.date | None, dates: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    """From the earliest to the latest of the time frame and the dated values; None without two dates."""
    known = [d for d in (start, end, *dates) if d]
    if len(known) < 2 or min(known) == max(known):
        return None
    return min(known), max(known)


def promise_state(promise: Promise, period: Period, today: dt.date) -> PromiseState:
    start, end = promise.start or known(period.start), promise.end or known(period.end)
    effective, corrected_by = _effective_updates(promise.updates)
    chronological = sorted(promise.updates, key=lambda u: (u.date, u.slug))
    status, status_example = promise.status, promise.example
    actor_now = {a.actor: a for a in promise.actors}
    since = {a.actor: start for a in promise.actors}
    status_since = start
    example_actors = set()
    changes = []
    for u in chronological:
        if u.slug in corrected_by:
            continue
        if u.status and u.status != status:
            changes.append(Change(u.date, "status", u.example, u.slug, status, u.status))
            status, status_example, status_since = u.status, u.example, u.date
        for a in u.actor_status:
            old = actor_now.get(a.actor)
            if old and old.status != a.status:
                changes.append(Change(u.date, "actor", u.example, u.slug, old.status, a.status, actor=a.actor))
                since[a.actor] = u.date
            if old:
                actor_now[a.actor] = ActorStatus(a.actor, a.status, a.responsible or old.responsible)
                (example_actors.add if u.example else example_actors.discard)(a.actor)
        if u.corrects:
            changes.append(Change(u.date, "correction", u.example, u.slug, u.corrects, u.slug, note=u.correction_note))
    indicators = tuple(indicator_state(i, effective, start, end, today) for i in promise.indicators)
    last = max((u.date for u in promise.updates), default=None)
    plan = period.feedback_plan
    next_due = overdue = None
    running = bool(start and end and start <= today <= end)
    if plan and plan.interval_days and start:
        next_due = (last or start) + dt.timedelta(days=plan.interval_days)
        if end and next_due > end:
            next_due = end
    overdue = bool(next_due and running and next_due < today and period.follow_up is None)
    # followed up means over, dated or not: its answer is a verdict (or that none was published)
    ended = bool(end and end < today) or bool(period.end and period.end < today) or period.follow_up is not None
    verdict = promise.verdict.verdict if promise.verdict else None
    return PromiseState(
        status=status, status_example=status_example,
        actors=tuple(actor_now[a.actor] for a in promise.actors), example_actors=frozenset(example_actors),
        verdict=verdict, indicators=indicators,
        last_updated=last, next_due=next_due if running else None, overdue=overdue,
        behind=any(s.behind for s in indicators) and running,
        changes=tuple(reversed(changes)), corrected_by=corrected_by,
        has_example=promise.example or any(u.example for u in promise.updates),
        ended=ended, final=(verdict or statuses.NO_VERDICT_KEY) if ended or verdict else None,
        since=since, status_since=status_since,
    )


def period_state(period: Period, states: list[PromiseState], today: dt.date) -> PeriodState:
    ended = bool(period.end and period.end < today) or period.follow_up is not None
    upcoming = bool(period.start and today < period.start)
    use_verdicts = ended  # an ended or followed-up period is told by its verdicts, never "pågår"
    keys = statuses.VERDICT_KEYS + (statuses.NO_VERDICT_KEY,) if use_verdicts else statuses.PROGRESS_KEYS
    tally = {k: 0 for k in keys}
    for s in states:
        key = (s.verdict or statuses.NO_VERDICT_KEY) if use_verdicts else s.status
        tally[key] += 1
    dated = bool(period.start and period.end)
    return PeriodState(
        ended=ended, running=dated and not ended and not upcoming, upcoming=upcoming, dated=dated,
        elapsed=elapsed_share(period.start, period.end, today),
        counts=tuple((k, n) for k, n in tally.items() if n),
        overdue=sum(1 for s in states if s.overdue),
        last_updated=max((s.last_updated for s in states if s.last_updated), default=None),
        has_example=period.example or any(s.has_example for s in states),
    )


def current_periods(m: Municipality, facts: Facts) -> tuple[Period, ...]:
    """What a municipality's pages lead with, newest first: every running period (overlapping
    ones all), and the newest period that has begun when it is newer than every running one,
    dated or not (an undated 2023 period is newer than a dated 2017 one). Periods are in
    chronological order (chronology.key), so "newest" is the last."""
    running = [p for p in m.periods if facts.periods[p.path].running]
    begun = [p for p in m.periods if not facts.periods[p.path].upcoming and chronology.begun(p, facts.build_date)]
    newest = begun[-1] if begun else None
    if newest is not None and newest not in running and (not running or m.periods.index(newest) > m.periods.index(running[-1])):
        if not running or not facts.periods[newest.path].ended:
            running.append(newest)
    return tuple(reversed(running))


def derive(site: Site, of_municipality: Callable[[Municipality], Facts] | None = None) -> Facts:
    """Facts for the whole site. `of_municipality(m)` gives one municipality's
    facts (default: derive_municipality); the engine passes one that reuses the
    facts of unchanged municipalities (lofte/build/reuse.py)."""
    facts = Facts(site.build_date)
    for m in site.municipalities:
        part = of_municipality(m) if of_municipality else derive_municipality(m, site.build_date)
        facts.promises.update(part.promises)
        facts.periods.update(part.periods)
        facts.current_periods.update(part.current_periods)
    return facts


def derive_municipality(m: Municipality, today: dt.date) -> Facts:
    facts = Facts(today)
    for period in m.periods:
        states = []
        for promise in period.promises:
            state = promise_state(promise, period, today)
            facts.promises[promise.path] = state
            states.append(state)
        facts.periods[period.path] = period_state(period, states, today)
    facts.current_periods[m.slug] = current_periods(m, facts)
    return facts
