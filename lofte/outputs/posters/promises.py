"""The list of promises on a poster page, at a level of detail chosen by poster.py.

Each promise: its status symbol in the gutter, the title, then its answer — the
status (or verdict) word, and its progress bar with the value in words — then
each party's own status where they differ, who promised, and the latest
report. The answer is never shortened: titles are shortened first (a lean
plan gives them fewer lines, ending in "…"), each party's status wraps rather
than being cut (a dense plan writes "Kommunen" for the municipality's long
name), and the latest report is one line that loses its end.

Bars sit beside the status words, in one column: all bars on a page start at
the same x and share one width, the widest (up to BAR_MM[0]) at which every
value fits on a line beside its bar; a value too long even beside the narrowest
bar wraps to a second line. A tick on the bar marks where the schedule says
the count should be by now. Promises are measured (`place`) before anything is
drawn, so poster.py can try plans and split the list over pages.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import palette
from .canvas import Drawn, first_baseline
from .data import Item
from .fonts import cap_height
from .layout import Block
from .typeset import Page

ITEM_TITLE_PT = (36, 32)
GUTTER_MM = 17  # left of each promise, for its status symbol
SYMBOL_CAPS = 1.3  # symbol diameter in capital heights of the promise title
STATUS_GAP_MM = 5  # from the longest status word to the bars
BAR_MM = (60, 30)  # widest and narrowest bar
BAR_HEIGHT_MM = 7
BAR_GAP_MM = 4  # from the bar to its value
BETWEEN_MM = 7  # between two promises; a hairline sits in the middle
GAP_MM = 1.5  # between the rows of one promise
NO_LIMIT = 12  # lines for text that must never be cut (a party's status)


@dataclass(frozen=True, slots=True)
class Detail:
    title_lines: int
    actors: bool  # who promised, when the parties share a status
    latest: bool
    scale: float = 1.0  # promise type larger than the minimum when there is room
    title_pt: tuple[float, float] | None = ITEM_TITLE_PT  # None: bold at the body size
    summary_lines: int = 0  # the summary below the title, whole or not at all (poster.Setting.fits)
    long_names: bool = True  # each party's status with its full name; else "Kommunen"


@dataclass(frozen=True, slots=True)
class Placed:
    """One promise, measured and ready to draw."""
    item: Item
    title: Block
    summary: Block | None
    status: Block
    bar: Block | None  # the value beside (or, in a narrow column, below) the bar
    parties: Block | None
    actors: Block | None
    latest: Block | None
    gap: int  # between the rows of this promise
    between: int  # above this promise when it is not the first
    scale: float

    @property
    def answer(self) -> int:
        """The height of the status row: the word, and the bar with its value."""
        return max(self.status.height, self.bar.height if self.bar else 0)

    @property
    def height(self) -> int:
        rows = [self.summary, self.parties, self.actors, self.latest]
        return (self.title.height + self.gap + self.answer
                + sum(r.height + self.gap for r in rows if r))


@dataclass(frozen=True, slots=True)
class Column:
    """Where the bars go on a page: after the widest status word, and how wide."""
    x: int
    width: int


class ListWriter:
    def __init__(self, page: Page):
        self.p = page
        self.x = page.x0 + page.u(GUTTER_MM)
        self.width = page.x1 - self.x

    def column(self, items: tuple[Item, ...], k: float) -> Column:
        """The bar column for these promises: aligned, and as wide as every value allows."""
        p = self.p
        words = [p.text(i.mark.label, self.width, weight="bold", scale=k) for i in items if i.bar]
        x = self.x + max((round(w.font.getlength(w.lines[0])) for w in words), default=0) + p.mm(STATUS_GAP_MM * k)
        widths = [round(v.font.getlength(v.lines[0])) for v in
                  (p.text(i.bar.label, self.width, scale=k) for i in items if i.bar)]
        beside = self.x + self.width - x - p.mm(BAR_GAP_MM * k)
        narrowest, widest = p.mm(BAR_MM[1] * k), p.mm(BAR_MM[0] * k)
        # A value that wraps even beside the narrowest bar does not narrow the others.
        need = max((w for w in widths if w <= beside - narrowest), default=0)
        return Column(x, max(narrowest, min(widest, beside - need)))

    def place(self, items: tuple[Item, ...], detail: Detail, column: Column) -> list[Placed]:
        """Every promise measured at one level of detail, at the page's current spacing."""
        return [self.place_one(item, detail, column) for item in items]

    def place_one(self, item: Item, detail: Detail, column: Column) -> Placed:
        p, k, width = self.p, detail.scale, self.width
        pts = (detail.title_pt[0] * k, detail.title_pt[1] * k) if detail.title_pt else None
        title = p.text(item.title, width, lines=detail.title_lines, weight="bold", pts=pts, scale=k, even=True)
        summary = None
        if detail.summary_lines and item.summary:
            summary = p.text(item.summary, width, lines=detail.summary_lines, scale=k)
        status = p.text(item.mark.label, width, weight="bold", scale=k)
        bar = None
        if item.bar:
            beside = self.x + width - column.x - column.width - p.mm(BAR_GAP_MM * k)
            bar = p.text(item.bar.label, beside, lines=NO_LIMIT, scale=k)
        text = item.parties if detail.long_names else item.parties_short
        parties = p.text(text, width, lines=NO_LIMIT, scale=k, even=True) if text else None
        actors = p.text(item.actors, width, lines=2, scale=k, even=True) if detail.actors and item.actors else None
        latest = None
        if detail.latest and item.latest:
            latest = p.text(item.latest, width, scale=k)
            if latest.truncated:  # a shorter date leaves more of the update itself
                latest = p.text(item.latest_short or item.latest, width, scale=k)
        return Placed(item, title, summary, status, bar, parties, actors, latest, p.gap(GAP_MM),
                      p.gap(BETWEEN_MM), k)

    def height(self, placed: list[Placed]) -> int:
        return sum(p.height for p in placed) + sum(p.between for p in placed[1:])

    def draw(self, placed: list[Placed], column: Column, y: int) -> int:
        """Draw the promises from `y`; returns the bottom of the last."""
        p = self.p
        for i, item in enumerate(placed):
            if i:
                p.rule(y + item.between // 2, 0.35, palette.RULE)
                y += item.between
            y = self.draw_item(item, column, y)
        return y

    def draw_item(self, item: Placed, column: Column, top: int) -> int:
        p, x = self.p, self.x
        p.symbol(item.item.mark, p.x0, top, item.title, round(cap_height("bold", item.title.size) * SYMBOL_CAPS))
        y = p.c.block(x, top, item.title, palette.INK) + item.gap
        if item.summary:
            y = p.c.block(x, y, item.summary, palette.INK) + item.gap
        p.c.block(x, y, item.status, palette.INK)
        box = None
        if item.bar:
            box = self.bar(y, item, column)
        y += item.answer + item.gap
        for block, ink in ((item.parties, palette.INK), (item.actors, palette.INK), (item.latest, palette.MUTED)):
            if block:
                y = p.c.block(x, y, block, ink) + item.gap
        bar = item.item.bar
        p.c.promises.append(Drawn(item.item.title, (p.x0, top, p.x1, y - item.gap), item.item.mark.label, box,
                                  bar.fraction if bar else None, " ".join(item.bar.lines) if item.bar else ""))
        return y - item.gap

    def bar(self, top: int, item: Placed, column: Column) -> tuple[int, int, int, int]:
        """A progress bar in the column, its value in words beside it; returns the bar's box."""
        p, k, value, w = self.p, item.scale, item.bar, column.width
        h = p.mm(BAR_HEIGHT_MM * k)
        middle = top + first_baseline(value) - cap_height(value.weight, value.size) / 2
        x, bar_top = column.x, round(middle - h / 2)
        border = max(2, p.mm(0.5))
        box = (x, bar_top, x + w, bar_top + h)
        p.c.rect(box, fill=palette.TRACK)
        fraction, expected = item.item.bar.fraction, item.item.bar.expected
        if fraction > 0:
            p.c.rect((x, bar_top, x + max(border, round(w * fraction)), bar_top + h), fill=palette.ACCENT)
        p.c.rect(box, outline=palette.INK, width=border)
        if expected is not None and 0 < expected < 1:  # where the count should be by now
            tick = x + round(w * expected)
            reach = max(border, p.mm(1.5))
            p.c.rect((tick - border // 2, bar_top - reach, tick + (border + 1) // 2, bar_top + h + reach),
                     fill=palette.INK)
        p.c.block(x + w + p.mm(BAR_GAP_MM * k), top, value, palette.INK)
        return box
