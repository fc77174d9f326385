"""Where things go on a print poster (A3 or A4, portrait).

From the top: the example label (if any), the issuing parties, the period
title, its dates, "Läget <date>" with a tally per status, the promises, and a
footer with the QR code, the printed address and where to give feedback.
Lengths are designed in millimetres and type in points for A3; `Sheet.u` and
`_px` scale both for A4.

Long content: no text is set below BODY_MIN_PT (A3: cap height ≥ 7 mm, legible
from 2 m), so an A3 poster holds about thirty lines and space is planned before
anything is drawn. The header has a full and a compact form, the promises
several levels of detail (DETAILS: fewer title lines, then no latest update,
then no bar); the richest combination that fits wins. If none fits, the poster
lists as many promises as fit and says how many more there are and where.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from . import layout, palette, qr, symbols
from .canvas import Canvas, first_baseline
from .data import Item, Mark, PosterData
from .fonts import cap_height
from .layout import Block
from .paper import DPI, Sheet

BODY_MIN_PT = 30
ITEM_TITLE_PT = (36, 32)
QR_MIN_MM = 42  # the symbol without quiet zone; ≥ 40 mm so phones read it from a step away
EXAMPLE_LABEL = "EXEMPEL – påhittade uppgifter"
FOLLOW = "Följ arbetet och se hur det går:"
GUTTER_MM = 17  # left of each promise, for its status symbol
BAR_MM = (60, 7)
BETWEEN_MM = 7  # between two promises; a hairline sits in the middle


@dataclass(frozen=True, slots=True)
class HeaderForm:
    title_lines: int
    title_pt: tuple[int, int]
    tally: bool  # the count per status; the list below shows each status anyway
    fewest_lines: bool  # prefer a smaller title on fewer lines to a big one on more


@dataclass(frozen=True, slots=True)
class Detail:
    title_lines: int
    bar: bool
    latest: bool
    scale: float = 1.0  # promise type larger than the minimum when there is room


FULL, NO_TALLY = HeaderForm(3, (96, 56), True, False), HeaderForm(3, (96, 56), False, False)
COMPACT, TIGHT = HeaderForm(2, (72, 48), False, False), HeaderForm(2, (72, 48), False, True)
ALL, SHORTER = Detail(3, True, True), Detail(2, True, True)
NO_LATEST, LEANEST = Detail(2, True, False), Detail(2, False, False)
ROOMY, ROOMIER = Detail(3, True, True, 1.12), Detail(3, True, True, 1.25)
# Tried in order, the first that fits wins: a few promises get larger type; when space
# runs out, header luxury goes before promise content.
PLANS = ((FULL, ROOMIER), (FULL, ROOMY), (FULL, ALL), (NO_TALLY, ALL), (COMPACT, ALL), (TIGHT, ALL),
         (TIGHT, SHORTER), (TIGHT, NO_LATEST), (TIGHT, LEANEST))


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


@dataclass(frozen=True, slots=True)
class Header:
    parties: Block
    title: Block
    dates: Block
    as_of: Block
    chips: tuple[tuple[Mark, Block], ...]
    inline: bool  # dates and "Läget …" share one line
    height: int


def _px(sheet: Sheet, pt: float) -> int:
    return round(pt * DPI / 72 * sheet.paper.scale)


def min_size(sheet: Sheet) -> int:
    """The smallest type on this sheet, in pixels per em."""
    return _px(sheet, BODY_MIN_PT)


def symbol_size(block: Block) -> int:
    """A symbol diameter that matches the capitals of a block's text."""
    return round(cap_height(block.weight, block.size) * 1.25)


class Poster:
    def __init__(self, data: PosterData, sheet: Sheet):
        self.data, self.sheet = data, sheet
        self.c = Canvas(sheet.size)
        self.x0, self.y0, self.x1, self.y1 = sheet.printable
        self.width = self.x1 - self.x0
        self.body = min_size(sheet)
        self.logo = logo(data.logo, (self.u(60), self.u(24))) if data.logo else None

    def u(self, mm: float) -> int:
        return self.sheet.u(mm)

    def text(self, text: str, width: int, lines: int = 1, weight: str = "regular",
             pts: tuple[float, float] | None = None, first_width: int | None = None, scale: float = 1.0) -> Block:
        """Fit text at `pts` (largest, smallest), or else at the body size times `scale`."""
        sizes = layout.sizes(_px(self.sheet, pts[0]), _px(self.sheet, pts[1])) if pts else (round(self.body * scale),)
        leading = 1.06 if pts and pts[1] >= 48 else 1.16
        return layout.fit(text, weight, width, lines, sizes, leading, first_width)

    def symbol(self, mark: Mark, x: int, top: int, block: Block, d: int) -> None:
        """A status symbol centred on the capitals of a block's first line."""
        middle = top + first_baseline(block) - cap_height(block.weight, block.size) / 2
        self.c.paste(palette.INK, (x, round(middle - d / 2)), symbols.mask(mark.symbol, d))

    # -- example label -------------------------------------------------------
    def label_block(self) -> Block:
        return self.text(EXAMPLE_LABEL, self.width - 2 * self.u(6), weight="bold", pts=(36, BODY_MIN_PT))

    def example_label(self, y: int) -> int:
        block = self.label_block()
        pad = self.u(2.5)
        bottom = y + block.height + 2 * pad
        self.c.rect((self.x0, y, self.x1, bottom), fill=palette.LABEL_GROUND)
        width = block.font.getlength(block.lines[0])
        self.c.line(round(self.x0 + (self.width - width) / 2), y + pad + first_baseline(block),
                    block.lines[0], block, palette.WHITE, palette.LABEL_GROUND)
        return bottom + self.u(5)

    # -- header --------------------------------------------------------------
    def logo_width(self) -> int:
        """Room the logo takes at the top right, including the gap before the parties."""
        return self.logo[0].width + self.u(8) if self.logo else 0

    def measure_header(self, form: HeaderForm) -> Header:
        parties = self.text(self.data.parties, self.width - self.logo_width(), lines=2)
        title = self.title(form)
        as_of = self.text(self.data.as_of + (":" if form.tally else ""), self.width, weight="bold")
        chips = tuple((m, self.text(m.label, self.width)) for m in self.data.counts) if form.tally else ()
        inline = False
        if not chips:
            for text in (self.data.dates, self.data.dates_short):
                dates = self.text(text + " ·", self.width)
                room = self.width - as_of.font.getlength(as_of.lines[0]) - dates.font.getlength(" ")
                if not dates.truncated and dates.font.getlength(dates.lines[0]) <= room:
                    inline = True
                    break
        if not inline:
            dates = self.text(self.data.dates, self.width, lines=2)
        rows = 0 if inline else len(self.chip_rows(as_of, chips))
        height = (parties.height + self.u(3) + title.height + self.u(3) + dates.height + rows * as_of.leading
                  + self.u(9.5))
        return Header(parties, title, dates, as_of, chips, inline, height)

    def title(self, form: HeaderForm) -> Block:
        lines = range(1, form.title_lines + 1) if form.fewest_lines else (form.title_lines,)
        for n in lines:
            block = self.text(self.data.title, self.width, lines=n, weight="bold", pts=form.title_pt)
            if not block.truncated:
                return block
        return block

    def chip_rows(self, as_of: Block, chips) -> list[list[tuple[int, Mark, Block]]]:
        """Place "Läget …:" and the status chips in rows: (x, mark, label block)."""
        d = symbol_size(as_of)
        x = self.x0 + round(as_of.font.getlength(as_of.lines[0])) + self.u(6)
        rows: list[list] = [[]]
        for mark, block in chips:
            need = d + self.u(2.5) + round(block.font.getlength(block.lines[0]))
            if rows[-1] and x + need > self.x1 or not rows[-1] and x + need > self.x1 and x > self.x0:
                rows.append([])
                x = self.x0
            rows[-1].append((x, mark, block))
            x += need + self.u(8)
        return rows

    def draw_logo(self, y: int) -> None:
        if self.logo:
            grey, alpha = self.logo
            self.c.image.paste(grey, (self.x1 - grey.width, y), alpha)

    def draw_header(self, h: Header, y: int) -> int:
        self.draw_logo(y)
        y = self.c.block(self.x0, y, h.parties, palette.INK) + self.u(3)
        y = self.c.block(self.x0, y, h.title, palette.INK) + self.u(3)
        if h.inline:
            end = self.c.line(self.x0, y + first_baseline(h.dates), h.dates.lines[0], h.dates, palette.INK)
            self.c.block(end + round(h.dates.font.getlength(" ")), y, h.as_of, palette.INK)
            return self.rule_below(y + h.dates.height)
        y = self.c.block(self.x0, y, h.dates, palette.INK)
        self.c.block(self.x0, y, h.as_of, palette.INK)
        d = symbol_size(h.as_of)
        for row in self.chip_rows(h.as_of, h.chips):
            for x, mark, block in row:
                self.symbol(mark, x, y, block, d)
                self.c.block(x + d + self.u(2.5), y, block, palette.INK)
            y += h.as_of.leading
        return self.rule_below(y)

    def rule_below(self, y: int) -> int:
        rule = y + self.u(3)
        self.c.rect((self.x0, rule, self.x1, rule + self.u(1.5) - 1), fill=palette.ACCENT)
        return rule + self.u(1.5) + self.u(5)

    # -- footer --------------------------------------------------------------
    def footer(self) -> int:
        """Draw the QR code and address, and below them where to give feedback; returns the space's top.

        The feedback text is the site's own (`site.feedback`, often a phone number
        in a sentence), so it gets the full width and is not cut short.
        """
        code = qr.render(self.data.url, self.u(QR_MIN_MM))
        tx = self.x0 + code.symbol + self.u(8)
        width = self.x1 - tx
        follow = self.text(FOLLOW, width, lines=2)
        address = self.text(self.data.address, width, lines=3, weight="bold")
        feedback = self.text(self.data.feedback, self.width, lines=5)
        row = max(code.symbol, follow.height + address.height)
        top = self.y1 - feedback.height - self.u(4) - row
        # The quiet zone lies in the white margin; the dark modules line up with the text edge.
        self.c.paste(palette.INK, (self.x0 - code.quiet, top - code.quiet), code.mask)
        self.c.block(tx, self.c.block(tx, top, follow, palette.INK), address, palette.INK)
        self.c.block(self.x0, self.y1 - feedback.height, feedback, palette.INK)
        rule = top - self.u(5)
        self.c.rect((self.x0, rule - self.u(1.5) + 1, self.x1, rule), fill=palette.ACCENT)
        return rule - self.u(1.5) - self.u(5)

    # -- promises ------------------------------------------------------------
    def place(self, item: Item, detail: Detail) -> Placed:
        width = self.width - self.u(GUTTER_MM)
        k = detail.scale
        title = self.text(item.title, width, lines=detail.title_lines, weight="bold",
                          pts=(ITEM_TITLE_PT[0] * k, ITEM_TITLE_PT[1] * k))
        status = self.text(item.mark.label, width, weight="bold", scale=k)
        actors = None
        if item.actors:
            first = width - round(status.font.getlength(item.mark.label + " · "))
            actors = self.text(item.actors, width, lines=2, first_width=first, scale=k)
        bar_room = width - self.u(BAR_MM[0] * k) - self.u(5)
        bar = self.text(item.bar.label, bar_room, lines=2, scale=k) if detail.bar and item.bar else None
        latest = self.text(item.latest, width, scale=k) if detail.latest and item.latest else None
        return Placed(item, title, status, actors, bar, latest, self.u(1.5), k)

    def stack_height(self, placed: list[Placed]) -> int:
        return sum(p.height for p in placed) + self.u(BETWEEN_MM) * max(0, len(placed) - 1)

    def plan(self, top_of_footer: int, top: int) -> tuple[Header, list[Placed], int]:
        """The first plan at which every promise fits, else as many promises as fit."""
        headers = {}
        for form, detail in PLANS:
            header = headers.setdefault(form, self.measure_header(form))
            placed = [self.place(item, detail) for item in self.data.items]
            if self.stack_height(placed) <= top_of_footer - top - header.height:
                return header, placed, 0
        room = top_of_footer - top - header.height
        more = self.more_block(len(self.data.items)).height + self.u(BETWEEN_MM)
        placed = []
        for item in self.data.items:
            p = self.place(item, detail)
            if self.stack_height(placed + [p]) + more > room:
                break
            placed.append(p)
        return header, placed, len(self.data.items) - len(placed)

    def more_block(self, hidden: int) -> Block:
        noun = "löfte" if hidden == 1 else "löften"
        return self.text(f"… och {hidden} {noun} till på {self.data.address}", self.width, lines=3, weight="bold")

    def draw_promises(self, placed: list[Placed], hidden: int, y: int) -> None:
        between = self.u(BETWEEN_MM)
        for i, p in enumerate(placed):
            if i:
                mid = y + between // 2
                self.c.rect((self.x0, mid, self.x1, mid + max(2, self.u(0.35))), fill=palette.RULE)
                y += between
            y = self.draw_item(p, y)
        if hidden:
            self.c.block(self.x0, y + (between if placed else 0), self.more_block(hidden), palette.INK)

    def draw_item(self, p: Placed, y: int) -> int:
        x = self.x0 + self.u(GUTTER_MM)
        self.symbol(p.item.mark, self.x0, y, p.title, self.u(11 * p.scale))
        y = self.c.block(x, y, p.title, palette.INK) + p.gap
        end = self.c.line(x, y + first_baseline(p.status), p.status.lines[0], p.status, palette.INK)
        if p.actors:
            rest = (" · " + p.actors.lines[0],) + p.actors.lines[1:]
            self.c.block(x, y, Block(rest, p.actors.weight, p.actors.size, p.actors.leading, p.actors.truncated),
                         palette.INK, first_x=end)
        y += max(p.status.height, p.actors.height if p.actors else 0)
        if p.bar:
            y += p.gap
            self.bar(x, y, p.item.bar.fraction, p.bar, p.scale)
            y += p.bar.height
        if p.latest:
            y = self.c.block(x, y + p.gap, p.latest, palette.MUTED)
        return y

    def bar(self, x: int, top: int, fraction: float, label: Block, scale: float) -> None:
        """A progress bar with its value in words beside it (the bar alone says too little)."""
        w, h = self.u(BAR_MM[0] * scale), self.u(BAR_MM[1] * scale)
        middle = top + first_baseline(label) - cap_height(label.weight, label.size) / 2
        bar_top = round(middle - h / 2)
        border = max(2, self.u(0.5))
        self.c.rect((x, bar_top, x + w, bar_top + h), fill=palette.TRACK)
        if fraction > 0:
            self.c.rect((x, bar_top, x + max(border, round(w * fraction)), bar_top + h), fill=palette.ACCENT)
        self.c.rect((x, bar_top, x + w, bar_top + h), outline=palette.INK, width=border)
        self.c.block(x + w + self.u(5), top, label, palette.INK)

    def draw(self) -> Canvas:
        y = self.example_label(self.y0) if self.data.example else self.y0
        bottom = self.footer()
        header, placed, hidden = self.plan(bottom, y)
        y = self.draw_header(header, y)
        self.draw_promises(placed, hidden, y)
        return self.c


def logo(data: bytes, box: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """The supplied logo scaled into `box`, in grey (posters are drawn in grey), and its alpha."""
    with Image.open(io.BytesIO(data)) as img:
        img.load()
        ratio = min(box[0] / img.width, box[1] / img.height)
        size = (max(1, round(img.width * ratio)), max(1, round(img.height * ratio)))
        alpha = img.convert("RGBA").getchannel("A").resize(size, Image.Resampling.LANCZOS)
        grey = img.convert("L").resize(size, Image.Resampling.LANCZOS)
    # Greys darker than MIN_GREY are spot-colour indices in the palette.
    return grey.point(lambda v: max(v, palette.MIN_GREY)), alpha


def draw(data: PosterData, sheet: Sheet) -> Canvas:
    return Poster(data, sheet).draw()
