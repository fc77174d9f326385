"""What numbers and dates content may hold, and why; messages for those that it may not.

Limits are chosen for what residents read: no count of a municipality's work
(walks, meetings, reports) comes near a billion, a count is never negative, and
promises are made and followed up within this century. Beyond them a value is
a typo (an extra zero, 9999-12-31 as "no end") or an attack, and would overflow
date arithmetic or print as a 301-digit number.
"""
from __future__ import annotations

import datetime as dt

# Dates a promise can be about: a typo such as 9999-12-31 would overflow date arithmetic.
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2099, 12, 31)
MAX_NUMBER = 1_000_000_000  # a billion: more than any count or measure of a municipality


def date_problem(value: dt.date) -> str | None:
    if FIRST_DATE <= value <= LAST_DATE:
        return None
    return f"{value.isoformat()} ligger utanför åren {FIRST_DATE.year}–{LAST_DATE.year}; kontrollera årtalet"


def swedish_number(value: float) -> str:
    """1000000000 → '1 000 000 000' for messages."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return text.replace(",", "\u00a0").replace(".", ",")


def _plain(value: float) -> str:
    """A number as written: 5 not 5.0, 1e+300 not 301 digits."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def number_problem(value: float, minimum: float | None, maximum: float | None) -> str | None:
    """Why a number is out of range, or None. NaN and infinity are never numbers."""
    if value != value or value in (float("inf"), float("-inf")):
        return "är inget tal man kan räkna med; skriv en siffra"
    if maximum is not None and value > maximum:
        return f"är för stort ({_plain(value)}); högst {swedish_number(maximum)}"
    if minimum is not None and value < minimum:
        if minimum == 0:
            return f"kan inte vara negativt ({_plain(value)})"
        return f"måste vara minst {swedish_number(minimum)}, fick {_plain(value)}"
    return None
