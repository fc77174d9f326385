"""The list of promises on a poster: each with status symbol and word, actors,
progress bar and latest update, at a level of detail chosen by poster.py.

A promise is measured (`place`) before anything is drawn, so poster.py can try
levels of detail until the list fits. The bar always has its value in words
beside it; the status always has its word beside the symbol.
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
SYMBOL_MM = 11
BAR_MM = (60, 7)
BETWEEN_MM = 7  # between two promises; a hairline sits in the middle
GAP_MM = 1.5  # between the rows of one promise


@dataclass(frozen=True, slots=True)
class Detail:
    title_lines: int
    bar: bool
    latest: bool
    scale: float = 1.0  # promise type larger than the minimum when there is room


@dataclass(frozen=True, slots=True)
class Placed:
    """One promise, measured and ready to draw."""
    item: Item
    title: Block
    status: Block
    actors: Block | None
    bar: Block | None
    latest: Block | None
    gap: int
    scale: float

    @property
    def height(self) -> int:
        meta = max(self.status.height, self.actors.height if self.actors else 0)
        rows = [meta, self.bar.height if self.bar else 0, self.latest.height if self.latest else 0]
        return self.title.height + sum(rows) + self.gap * sum(1 for r in rows if r)


class ListWriter:
    def __init__(self, page: Page):
        self.p = page
        self.x = page.x0 + page.u(GUTTER_MM)
        self.width = page.x1 - self.x

    def place(self, item: Item, detail: Detail) -> Placed:
        p, k, width = self.p, detail.scale, self.width
        title = p.text(item.title, width, lines=detail.title_lines, weight="bold",
                       pts=(ITEM_TITLE_PT[0] * k, ITEM_TITLE_PT[1] * k))
        status = p.text(item.mark.label, width, weight="bold", scale=k)
        actors = None
        if item.actors:
            first = width - round(status.font.getlength(item.mark.label + " · "))
            actors = p.text(item.actors, width, lines=2, first_width=first, scale=k)
        bar_room = width - p.u(BAR_MM[0] * k) - p.u(5)
        bar = p.text(item.bar.label, bar_room, lines=2, scale=k) if detail.bar and item.bar else None
        latest = p.text(item.latest, width, scale=k) if detail.latest and item.latest else None
        return Placed(item, title, status, actors, bar, latest, p.u(GAP_MM), k)

    def height(self, placed: list[Placed]) -> int:
        return sum(p.height for p in placed) + self.p.u(BETWEEN_MM) * max(0, len(placed) - 1)

    def more(self, hidden: int, address: str) -> Block:
        """The line that stands in for promises that did not fit."""
        noun = "löfte" if hidden == 1 else "löften"
        return self.p.text(f"… och {hidden} {noun} till på {address}", self.p.width, lines=3, weight="bold")

    def draw(self, placed: list[Placed], more: Block | None, y: int) -> None:
        p = self.p
        between = p.u(BETWEEN_MM)
        for i, item in enumerate(placed):
            if i:
                p.rule(y + between // 2, 0.35, palette.RULE)
                y += between
            y = self.draw_item(item, y)
        if more:
            p.c.block(p.x0, y + (between if placed else 0), more, palette.INK)

    def draw_item(self, item: Placed, y: int) -> int:
        p, x = self.p, self.x
        p.symbol(item.item.mark, p.x0, y, item.title, p.u(SYMBOL_MM * item.scale))
        y = p.c.block(x, y, item.title, palette.INK) + item.gap
        end = p.c.line(x, y + first_baseline(item.status), item.status.lines[0], item.status, palette.INK)
        if item.actors:
            a = item.actors
            rest = Block((" · " + a.lines[0],) + a.lines[1:], a.weight, a.size, a.leading, a.truncated)
            p.c.block(x, y, rest, palette.INK, first_x=end)
        y += max(item.status.height, item.actors.height if item.actors else 0)
        if item.bar:
            y += item.gap
            self.bar(y, item.item.bar.fraction, item.bar, item.scale)
            y += item.bar.height
        if item.latest:
            y = p.c.block(x, y + item.gap, item.latest, palette.MUTED)
        return y

    def bar(self, top: int, fraction: float, label: Block, scale: float) -> None:
        """A progress bar with its value in words beside it (the bar alone says too little)."""
        p, x = self.p, self.x
        w, h = p.u(BAR_MM[0] * scale), p.u(BAR_MM[1] * scale)
        middle = top + first_baseline(label) - cap_height(label.weight, label.size) / 2
        bar_top = round(middle - h / 2)
        border = max(2, p.u(0.5))
        p.c.rect((x, bar_top, x + w, bar_top + h), fill=palette.TRACK)
        if fraction > 0:
            p.c.rect((x, bar_top, x + max(border, round(w * fraction)), bar_top + h), fill=palette.ACCENT)
        p.c.rect((x, bar_top, x + w, bar_top + h), outline=palette.INK, width=border)
        p.c.block(x + w + p.u(5), top, label, palette.INK)
