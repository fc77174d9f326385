"""When a period is, for putting periods in order: its dates, else when it was signed,
else the year the source gives in the folder name ("2023-2024").

Real sources often give no start or end (a decision to approve the promises, a page
that says "2023–2024"), and such a period is often the newest one. Ordering by start
date alone put every undated period first, so a municipality page showed an ended
2017 period as its newest while the 2023 one sat in the archive. Every list of
periods (pages, feeds, data, the editor) uses `key`, so they all agree.
"""
from __future__ import annotations

import datetime as dt
import re

from .model import Period

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def known(value) -> dt.date | None:
    """A date, or None for no date and for `okänt`."""
    return value if isinstance(value, dt.date) else None


def slug_year(slug: str) -> int | None:
    """The first year in a folder name: "2023-2024" → 2023, "centrum-2026" → 2026, "odaterat" → None."""
    m = YEAR_RE.search(slug)
    return int(m[1]) if m else None


def when(period: Period) -> dt.date | None:
    """The date a period is placed by: its start, else its signing, else 1 January of its folder's year."""
    found = known(period.start) or known(period.signed)
    if found:
        return found
    year = slug_year(period.slug)
    return dt.date(year, 1, 1) if year else None


def key(period: Period) -> tuple:
    """Sort key, oldest first; a period with nothing to date it by comes first."""
    placed = when(period)
    return (placed or dt.date.min, known(period.end) or dt.date.max if placed else dt.date.min, period.slug)


def begun(period: Period, today: dt.date) -> bool:
    """Has started by `today`, as far as anything tells; a period with no date at all has."""
    placed = when(period)
    return placed is None or placed <= today
