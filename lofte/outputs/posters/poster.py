"""A print poster (A3 or A4, portrait, one or more pages): plan the space, then draw.

Every promise of the period is on the poster with its status and progress:
that is what a poster is for, so nothing is ever left out for lack of room.
Each page has, from the top, the example label (if any), the header
(header.py), its share of the promises (promises.py) and the footer with QR
code and contacts (footer.py). No text is smaller than the paper's body size
(typeset.py), so space is planned before anything is drawn.

PLANS lists header forms, levels of promise detail and spacing from generous
to lean; the first at which every promise fits on one page wins. With few
promises the first plans also say what each promises (its summary), so the
sheet is not half empty. What goes first as room runs out: the summaries, the
header's luxury, large promise titles, space, who promised, the latest report,
then the length of titles (down to one line: the whole title is on the website
the QR code leads to; one sheet on the wall beats two). Statuses, each party's
own status and progress never go. If no plan fits one page, the promises are
split over two pages (a two-page PDF; a second PNG), balanced, at the most
generous plan that fits, and so on. A3 and A4 are planned apart: A3's type is relatively smaller
(typeset.py), so it often fits on one sheet what A4 needs two for.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterator

from . import footer as foot
from . import palette
from .canvas import Canvas
from .data import PosterData
from .header import COMPACT, CONTINUED, FULL, LEAN, LEANER, NO_TALLY, TIGHT, HeaderForm, HeaderWriter
from .layout import Block
from .paper import Sheet
from .promises import Column, Detail, ListWriter, Placed
from .typeset import Page

DENSE = 0.4  # vertical space, at least, when it is that or another page
LOOSEN = 0.05  # steps in which a dense plan gets space back when there is room


@dataclass(frozen=True, slots=True)
class Plan:
    header: HeaderForm
    detail: Detail
    space: float = 1.0


ROOMIER, ROOMY = Detail(3, True, True, 1.25), Detail(3, True, True, 1.12)
ALL = Detail(3, True, True)
TOLD = tuple(dataclasses.replace(d, summary_lines=n) for d, n in ((ROOMIER, 6), (ROOMY, 5), (ALL, 4)))
PLAIN = Detail(2, True, True, title_pt=None)  # promise titles bold at the body size
BRIEF = dataclasses.replace(PLAIN, actors=False, long_names=False)
NO_LATEST = dataclasses.replace(BRIEF, latest=False)
ONE_LINE = dataclasses.replace(NO_LATEST, title_lines=1)  # a title shortened to a line, before another sheet
PLANS = (*(Plan(FULL, d) for d in TOLD),
         Plan(FULL, ROOMIER), Plan(FULL, ROOMY), Plan(FULL, ALL), Plan(NO_TALLY, ALL), Plan(COMPACT, ALL),
         Plan(TIGHT, ALL), Plan(TIGHT, PLAIN), Plan(LEAN, PLAIN), Plan(LEAN, PLAIN, DENSE),
         Plan(LEAN, BRIEF, DENSE), Plan(LEAN, NO_LATEST, DENSE), Plan(LEANER, NO_LATEST, DENSE),
         Plan(LEANER, ONE_LINE, DENSE))
Split = list[tuple[int, int]]  # (first, end) of the promises on each page


class Setting:
    """One sheet's page with its parts, for measuring plans (and drawing a chosen one)."""

    def __init__(self, sheet: Sheet, data: PosterData, page: int = 1, pages: int = 1):
        self.p, self.data, self.page, self.pages = Page(sheet), data, page, pages
        self.head, self.items = HeaderWriter(self.p, data), ListWriter(self.p)
        self.foot = foot.footer(self.p, data, page, pages)
        self.placed: dict[tuple[Detail, float], tuple[list[Placed], Column]] = {}  # plans share details

    def measure(self, plan: Plan, first: bool = True) -> tuple[int, list[Placed], Column]:
        """The room left for promises on a first (or later) page, and every promise placed.

        Leaves the page's spacing set for the plan."""
        self.p.space = plan.space
        form = plan.header if first else CONTINUED
        label = self.head.example_label(form) if self.data.example else 0
        room = self.p.y1 - self.p.y0 - label - self.head.measure(form).height - self.foot.height(self.p)
        key = (plan.detail, plan.space)
        if key not in self.placed:
            column = self.items.column(self.data.items, plan.detail.scale)
            self.placed[key] = self.items.place(self.data.items, plan.detail, column), column
        return room, *self.placed[key]

    def continued(self, page: int) -> Block:
        """The line at the foot of a page's list that says where the promises go on."""
        return self.p.text(self.data.words.continued.format(n=page), self.p.width, lines=2, weight="bold")

    def split(self, plan: Plan, pages: int) -> Split | None:
        """The promises on each of `pages` pages at a plan, or None if they do not fit."""
        first, placed, _ = self.measure(plan)
        if plan.detail.summary_lines and any(p.summary and p.summary.truncated for p in placed):
            return None  # a summary cut short says less than none: the next plan goes without
        n = len(placed)
        if pages == 1:
            return [(0, n)] if self.items.height(placed) <= first else None
        later = self.measure(plan, first=False)[0]
        note = max(self.continued(pages).height, self.continued(2).height) + placed[0].between if placed else 0

        def fill(a: int, b: int, page: int) -> float | None:
            room = (first if page == 1 else later) - (note if page < pages else 0)
            height = self.items.height(placed[a:b])
            return height / room if height <= room and b > a else None
        if pages == 2:
            fits = [(max(f1, f2), -s) for s in range(1, n)
                    if (f1 := fill(0, s, 1)) is not None and (f2 := fill(s, n, 2)) is not None]
            return [(0, -min(fits)[1]), (-min(fits)[1], n)] if fits else None
        split, a = [], 0
        for page in range(1, pages + 1):
            b = a
            while b < n and fill(a, b + 1, page) is not None:
                b += 1
            if b == a and a < n:
                return None
            split.append((a, b))
            a = b
        return split if a == n and all(b > a for a, b in split) else None


def paginate(data: PosterData, sheet: Sheet) -> tuple[Plan, Split]:
    """The plan and the promises on each page: the fewest pages, then the most generous plan."""
    n = len(data.items)
    for pages in range(1, max(1, n) + 1):
        setting = Setting(sheet, data, 1, pages)
        for plan in PLANS:
            split = setting.split(plan, pages)
            if split:
                return loosen(setting, plan, split), split
    # A promise taller than a page on its own: its own page, its longest lines cut.
    return PLANS[-1], [(i, i + 1) for i in range(n)]


def loosen(setting: Setting, plan: Plan, split: Split) -> Plan:
    """A plan with tightened space, with as much of the space given back as the room allows."""
    for step in range(1, round((1 - plan.space) / LOOSEN)):
        looser = dataclasses.replace(plan, space=round(1 - step * LOOSEN, 2))
        if setting.split(looser, len(split)) == split:
            return looser
    return plan


def pages(data: PosterData, sheet: Sheet) -> Iterator[Canvas]:
    """The poster's pages, drawn one at a time (an A3 page holds 17 MB of pixels)."""
    plan, split = paginate(data, sheet)
    for number, (a, b) in enumerate(split, start=1):
        here = Setting(sheet, data, number, len(split))
        _, placed, column = here.measure(plan, first=number == 1)
        p, form = here.p, plan.header if number == 1 else CONTINUED
        y = here.head.example_label(form, p.y0) if data.example else p.y0
        foot.draw(p, here.foot)
        y = here.items.draw(placed[a:b], column, here.head.draw(here.head.measure(form), y))
        if number < len(split):
            p.c.block(p.x0, y + (placed[a].between if placed else 0), here.continued(number + 1), palette.INK)
        canvas = p.c
        del here, p  # the next page's pixels are made only once this page's are given away
        yield canvas


def draw(data: PosterData, sheet: Sheet) -> list[Canvas]:
    return list(pages(data, sheet))
