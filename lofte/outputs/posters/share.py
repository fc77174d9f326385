"""The 1200×630 share image of a period or promise page (Open Graph, Twitter card).

Seen small, in a feed, so it carries few things, large: where it is from, the
title, an "Avslutad" band once the period is over, the status or verdict as
symbol and word (a tally for a period, or the sentence saying there is no final
result), the progress bar with its value, when something was last reported,
and the address: the same answer as the poster. The title gets whatever height
the rest leaves.
"""
from __future__ import annotations

from . import layout, palette, symbols
from .canvas import Canvas, first_baseline
from .data import Mark, ShareData
from .fonts import cap_height
from .layout import Block

SIZE = (1200, 630)
MARGIN = (72, 52)  # left/right, top/bottom; the accent stripe sits left of the margin
STRIPE = 18
MIN_PX = 26
HEADING_PX = (84, 40)
MARK_PX = 44


def printable() -> tuple[int, int, int, int]:
    return MARGIN[0], MARGIN[1], SIZE[0] - MARGIN[0], SIZE[1] - MARGIN[1]


class Share:
    def __init__(self, data: ShareData):
        self.data = data
        self.c = Canvas(SIZE)
        self.x0, self.y0, self.x1, self.y1 = printable()
        self.width = self.x1 - self.x0

    def text(self, text: str, width: int, size: int = MIN_PX + 4, weight: str = "regular", lines: int = 1) -> Block:
        return layout.fit(text, weight, width, lines, (size,), 1.2)

    def symbol(self, mark: Mark, x: int, top: int, block: Block, d: int) -> None:
        middle = top + first_baseline(block) - cap_height(block.weight, block.size) / 2
        self.c.paste(palette.INK, (x, round(middle - d / 2)), symbols.mask(mark.symbol, d))

    def top(self) -> int:
        reserve = 0
        if self.data.example:
            # The label outranks the kicker: it gets most of the line, the kicker what is left.
            label = layout.fit(self.data.example, "bold", round(self.width * 0.62), 1, (30, 28, MIN_PX), 1.2)
            pad = 10
            w = round(label.font.getlength(label.lines[0])) + 2 * pad
            box = (self.x1 - w, self.y0, self.x1, self.y0 + label.height + pad)
            self.c.rect(box, fill=palette.LABEL_GROUND)
            self.c.block(box[0] + pad, self.y0 + pad // 2, label, palette.WHITE, palette.LABEL_GROUND)
            reserve = w + 24
        kicker = self.text(self.data.kicker, self.width - reserve, weight="bold")
        return self.c.block(self.x0, self.y0, kicker, palette.MUTED) + 18

    def mark_rows(self) -> list[list[tuple[int, Mark, Block]]]:
        """A tally per status as chips (x, mark, label), flowing onto more rows if needed."""
        d = round(cap_height("regular", MIN_PX + 4) * 1.3)
        rows: list[list] = [[]]
        x = self.x0
        for mark in self.data.marks:
            block = self.text(mark.label, self.width - d - 12)
            need = d + 12 + round(block.font.getlength(block.lines[0]))
            if rows[-1] and x + need > self.x1:
                rows.append([])
                x = self.x0
            rows[-1].append((x, mark, block))
            x += need + 36
        return rows

    def band(self, y: int) -> int:
        """The "Avslutad" band, as on the poster: ink on light grey with an ink edge."""
        block = self.text(self.data.ended, self.width - 40, weight="bold")
        bottom = y + block.height + 12
        self.c.rect((self.x0, y, self.x1, bottom - 1), fill=palette.BAND)
        self.c.rect((self.x0, y, self.x0 + 7, bottom - 1), fill=palette.INK)
        self.c.block(self.x0 + 22, y + 6, block, palette.INK, palette.BAND)
        return bottom

    def band_height(self) -> int:
        return self.text("", self.width).leading + 12 + 12 if self.data.ended else 0

    def marks(self, y: int) -> int:
        """The status (or a tally per status) as symbols with words; returns the bottom."""
        if not self.data.marks:
            if self.data.result_note:
                return self.c.block(self.x0, y, self.text(self.data.result_note, self.width, weight="bold"),
                                    palette.INK)
            return y
        if len(self.data.marks) == 1:
            block = self.text(self.data.marks[0].label, self.width - 70, size=MARK_PX, weight="bold")
            d = round(cap_height("bold", MARK_PX) * 1.4)
            self.symbol(self.data.marks[0], self.x0, y, block, d)
            return self.c.block(self.x0 + d + 16, y, block, palette.INK)
        d = round(cap_height("regular", MIN_PX + 4) * 1.3)
        for row in self.mark_rows():
            for x, mark, block in row:
                self.symbol(mark, x, y, block, d)
                self.c.block(x + d + 12, y, block, palette.INK)
            y += self.text("", self.width).leading
        return y

    def bar(self, y: int) -> int:
        bar = self.data.bar
        w, h = 260, 24
        label = self.text(bar.label, self.width - w - 20)
        middle = y + first_baseline(label) - cap_height("regular", label.size) / 2
        top = round(middle - h / 2)
        self.c.rect((self.x0, top, self.x0 + w, top + h), fill=palette.TRACK)
        if bar.fraction > 0:
            self.c.rect((self.x0, top, self.x0 + max(3, round(w * bar.fraction)), top + h), fill=palette.ACCENT)
        self.c.rect((self.x0, top, self.x0 + w, top + h), outline=palette.INK, width=3)
        if bar.expected is not None and 0 < bar.expected < 1:  # where the count should be by now
            tick = self.x0 + round(w * bar.expected)
            self.c.rect((tick - 1, top - 6, tick + 1, top + h + 6), fill=palette.INK)
        return self.c.block(self.x0 + w + 20, y, label, palette.INK)

    def footer(self) -> int:
        """Date and address on the bottom line; returns its top."""
        host = self.text(self.data.address.split("/", 1)[0], self.width // 2)
        room = self.width - round(host.font.getlength(host.lines[0])) - 32
        as_of = self.text(self.data.reported, room, weight="bold")  # when last reported comes first
        if as_of.truncated:
            as_of = self.text(self.data.reported_short, room, weight="bold")
        top = self.y1 - as_of.height
        end = self.c.line(self.x0, top + first_baseline(as_of), as_of.lines[0], as_of, palette.INK)
        room = self.x1 - end - 32
        address = self.text(self.data.address, room)
        if address.truncated:  # a shortened path helps nobody; the site's host still does
            address = self.text(self.data.address.split("/", 1)[0], room)
        self.c.block(self.x1 - round(address.font.getlength(address.lines[0])), top, address, palette.MUTED)
        return top

    def draw(self) -> Canvas:
        """Kicker and heading from the top; status, detail and bar stand on the footer."""
        self.c.rect((0, 0, STRIPE - 1, SIZE[1] - 1), fill=palette.ACCENT)
        top = self.top()
        bottom = self.footer() - 28
        detail = self.text(self.data.detail, self.width, lines=2) if self.data.detail else None
        bar_h = self.text("", self.width).leading if self.data.bar else 0
        group = (self.band_height() + self.marks_height() + (detail.height + 8 if detail else 0)
                 + (bar_h + 14 if bar_h else 0))
        y = bottom - group
        heading = self.heading(y - 24 - top)
        self.c.block(self.x0, top, heading, palette.INK)
        if self.data.ended:
            y = self.band(y) + 12
        y = self.marks(y) + 8
        if detail:
            y = self.c.block(self.x0, y, detail, palette.INK) + 14
        if self.data.bar:
            self.bar(y)
        return self.c

    def marks_height(self) -> int:
        if not self.data.marks:
            return self.text("", self.width).leading if self.data.result_note else 0
        if len(self.data.marks) == 1:
            return self.text("", self.width, size=MARK_PX).leading
        return self.text("", self.width).leading * len(self.mark_rows())

    def heading(self, room: int) -> Block:
        """The largest heading that fits the room the rest leaves; shortened only at the smallest size."""
        sizes = layout.sizes(*HEADING_PX)
        for size in sizes:
            lines = layout.wrap(self.data.heading, "bold", size, self.width)
            if len(lines) * round(size * 1.1) <= room:
                return layout.fit(self.data.heading, "bold", self.width, len(lines), (size,), 1.1)
        lines = max(1, room // round(sizes[-1] * 1.1))
        return layout.fit(self.data.heading, "bold", self.width, lines, sizes[-1:], 1.1)


def draw(data: ShareData) -> Canvas:
    return Share(data).draw()
