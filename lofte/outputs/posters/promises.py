"""The list of promises on a poster: each with status symbol and word, actors,
progress bar and latest update, at a level of detail chosen by poster.py; with
room to spare (one or two promises), also what is promised (the summary).

Promises are measured (`place`) before anything is drawn, so poster.py can try
levels of detail until the list fits. The status always has its word beside
the symbol. The bar always has its value in words beside it, on one line where
it can: all bars on a poster share one width, so their lengths compare, the
widest (up to BAR_MM[0]) at which every value fits beside its bar; a value too
long even beside the narrowest bar wraps to a second line. The latest update
is one line: when it is too long, its date is abbreviated and then its end
left out, with "…" (the whole update is on the website).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import palette
from .canvas import first_baseline
from .data import Item
from .fonts import cap_height
from .layout import Block
from .typeset import Page

ITEM_TITLE_PT = (36, 32)
GUTTER_MM = 17  # left of each promise, for its status symbol
SYMBOL_CAPS = 1.3  # symbol diameter in capital heights of the promise title
BAR_MM = (60, 36)  # widest and narrowest bar
BAR_HEIGHT_MM = 7
BAR_GAP_MM = 5  # from the bar to its value
BETWEEN_MM = 7  # between two promises; a hairline sits in the middle
GAP_MM = 1.5  # between the rows of one promise


@dataclass(frozen=True, slots=True)
class Detail:
    title_lines: int
    bar: bool
    latest: bool
    scale: float = 1.0  # promise type larger than the minimum when there is room
    title_pt: tuple[float, float] | None = ITEM_TITLE_PT  # None: bold at the body size
    actor_lines: int = 2
    summary_lines: int = 0  # the summary below the title, whole or not at all (poster.Setting.shown)


@dataclass(frozen=True, slots=True)
class Placed:
    """One promise, measured and ready to draw."""
    item: Item
    title: Block
    summary: Block | None
    status: Block
    actors: Block | None
    bar: Block | None
    bar_width: int
    latest: Block | None
    gap: int  # between the rows of this promise
    between: int  # above this promise when it is not the first
    scale: float

    @property
    def height(self) -> int:
        meta = max(self.status.height, self.actors.height if self.actors else 0)
        rows = [self.summary.height if self.summary else 0, meta,
                self.bar.height if self.bar else 0, self.latest.height if self.latest else 0]
        return self.title.height + sum(rows) + self.gap * sum(1 for r in rows if r)


class ListWriter:
    def __init__(self, page: Page):
        self.p = page
        self.x = page.x0 + page.u(GUTTER_MM)
        self.width = page.x1 - self.x

    def place(self, items: tuple[Item, ...], detail: Detail) -> list[Placed]:
        """Every promise measured at one level of detail, at the page's current spacing."""
        bar_width = self.bar_width(items, detail.scale) if detail.bar else 0
        return [self.place_one(item, detail, bar_width) for item in items]

    def bar_width(self, items: tuple[Item, ...], k: float) -> int:
        """The widest bar, down to the narrowest, beside which every value fits on one line."""
        p = self.p
        values = [p.text(i.bar.label, self.width, scale=k) for i in items if i.bar]
        need = max((round(v.font.getlength(v.lines[0])) for v in values if not v.truncated), default=0)
        room = self.width - p.u(BAR_GAP_MM * k) - need
        return max(p.u(BAR_MM[1] * k), min(p.u(BAR_MM[0] * k), room))

    def place_one(self, item: Item, detail: Detail, bar_width: int) -> Placed:
        p, k, width = self.p, detail.scale, self.width
        pts = (detail.title_pt[0] * k, detail.title_pt[1] * k) if detail.title_pt else None
        title = p.text(item.title, width, lines=detail.title_lines, weight="bold", pts=pts, scale=k, even=True)
        summary = None
        if detail.summary_lines and item.summary:
            summary = p.text(item.summary, width, lines=detail.summary_lines, scale=k)
        status = p.text(item.mark.label, width, weight="bold", scale=k)
        actors = None
        if item.actors:
            first = width - round(status.font.getlength(item.mark.label + " · "))
            actors = p.text(item.actors, width, lines=detail.actor_lines, first_width=first, scale=k, even=True)
        bar = None
        if detail.bar and item.bar:
            bar = p.text(item.bar.label, width - bar_width - p.u(BAR_GAP_MM * k), lines=2, scale=k)
        latest = None
        if detail.latest and item.latest:
            latest = p.text(item.latest, width, scale=k)
            if latest.truncated:  # a shorter date leaves more of the update itself
                latest = p.text(item.latest_short or item.latest, width, scale=k)
        return Placed(item, title, summary, status, actors, bar, bar_width, latest, p.gap(GAP_MM),
                      p.gap(BETWEEN_MM), k)

    def height(self, placed: list[Placed]) -> int:
        return sum(p.height for p in placed) + sum(p.between for p in placed[1:])

    def more(self, hidden: int, address: str) -> Block:
        """The line that stands in for promises that did not fit."""
        noun = "löfte" if hidden == 1 else "löften"
        return self.p.text(f"… och {hidden} {noun} till på {address}", self.p.width, lines=3, weight="bold")

    def draw(self, placed: list[Placed], more: Block | None, y: int) -> None:
        p = self.p
        for i, item in enumerate(placed):
            if i:
                p.rule(y + item.between // 2, 0.35, palette.RULE)
                y += item.between
            y = self.draw_item(item, y)
        if more:
            p.c.block(p.x0, y + (placed[-1].between if placed else 0), more, palette.INK)

    def draw_item(self, item: Placed, y: int) -> int:
        p, x = self.p, self.x
        p.symbol(item.item.mark, p.x0, y, item.title, round(cap_height("bold", item.title.size) * SYMBOL_CAPS))
        y = p.c.block(x, y, item.title, palette.INK) + item.gap
        if item.summary:
            y = p.c.block(x, y, item.summary, palette.INK) + item.gap
        end = p.c.line(x, y + first_baseline(item.status), item.status.lines[0], item.status, palette.INK)
        if item.actors:
            a = item.actors
            rest = Block((" · " + a.lines[0],) + a.lines[1:], a.weight, a.size, a.leading, a.truncated)
            p.c.block(x, y, rest, palette.INK, first_x=end)
        y += max(item.status.height, item.actors.height if item.actors else 0)
        if item.bar:
            y += item.gap
            self.bar(y, item.item.bar.fraction, item.bar, item.bar_width, item.scale)
            y += item.bar.height
        if item.latest:
            y = p.c.block(x, y + item.gap, item.latest, palette.MUTED)
        return y

    def bar(self, top: int, fraction: float, value: Block, w: int, scale: float) -> None:
        """A progress bar with its value in words beside it (the bar alone says too little)."""
        p, x = self.p, self.x
        h = p.u(BAR_HEIGHT_MM * scale)
        middle = top + first_baseline(value) - cap_height(value.weight, value.size) / 2
        bar_top = round(middle - h / 2)
        border = max(2, p.u(0.5))
        p.c.rect((x, bar_top, x + w, bar_top + h), fill=palette.TRACK)
        if fraction > 0:
            p.c.rect((x, bar_top, x + max(border, round(w * fraction)), bar_top + h), fill=palette.ACCENT)
        p.c.rect((x, bar_top, x + w, bar_top + h), outline=palette.INK, width=border)
        p.c.block(x + w + p.u(BAR_GAP_MM * scale), top, value, palette.INK)
