"""Events residents can take part in, gathered with the promise that announced them.

Promises and updates name events (a citizen dialogue, a trygghetsvandring). The
calendar file and the pages list them per municipality and per period; both need
the event's context (which promise, which update, is it an example) and one sort
order, so they share this module.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import urls
from .model import Event, Municipality, Period, Promise, Update


@dataclass(frozen=True, slots=True)
class Listed:
    """An event and where it was announced."""
    event: Event
    municipality: Municipality
    period: Period
    promise: Promise
    update: Update | None  # None when the promise file itself names the event

    @property
    def example(self) -> bool:
        return (self.municipality.example or self.period.example or self.promise.example
                or bool(self.update and self.update.example))

    @property
    def page(self) -> str:
        """Site path of the page that tells more: the update on the promise page, or the promise."""
        base = urls.promise(self.period, self.promise)
        return f"{base}#{self.update.slug}" if self.update else base

    @property
    def announced(self) -> dt.date:
        """When the event was made known, from the content alone (never the clock)."""
        if self.update:
            return self.update.date
        return self.period.signed or self.period.start or day(self.event.start)

    @property
    def last_day(self) -> dt.date:
        return day(self.event.end or self.event.start)


def day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _sort_key(item: Listed):
    start = item.event.start
    moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time.min)
    return moment, item.event.source_path, item.event.index


def of_promise(m: Municipality, p: Period, pr: Promise) -> list[Listed]:
    """Every event a promise and its updates name, earliest first."""
    out = [Listed(e, m, p, pr, None) for e in pr.events]
    out.extend(Listed(e, m, p, pr, u) for u in pr.updates for e in u.events)
    return sorted(out, key=_sort_key)


def of_period(m: Municipality, p: Period) -> list[Listed]:
    """Every event of a period, earliest first."""
    return sorted((item for pr in p.promises for item in of_promise(m, p, pr)), key=_sort_key)


def of_municipality(m: Municipality) -> list[Listed]:
    """Every event of every period of a municipality, earliest first."""
    return sorted((item for p in m.periods for item in of_period(m, p)), key=_sort_key)


def upcoming(items: list[Listed], today: dt.date) -> list[Listed]:
    """Events that have not ended by `today` (the build date): one running today still counts."""
    return [item for item in items if item.last_day >= today]
