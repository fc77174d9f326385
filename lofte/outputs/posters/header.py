"""The top of a poster: example label, logo, issuing parties, title, dates, state.

The header has several forms (FULL to LEAN, from generous to lean); poster.py
picks the first that leaves room for the promises. Only a logo the content
supplies is drawn (never a police emblem), in grey like the rest.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from . import palette
from .canvas import first_baseline
from .data import Mark, PosterData
from .layout import Block
from .typeset import BODY_MIN_PT, Page, symbol_size

LOGO_MM = (60, 24)
LABEL_PAD_MM, LABEL_BELOW_MM = 2.5, 5
LINE_GAP_MM = 3  # between parties, title, dates and the rule below them
RULE_MM, BELOW_MM = 1.5, 5


@dataclass(frozen=True, slots=True)
class HeaderForm:
    title_lines: int
    title_pt: tuple[int, int]
    tally: bool  # the count per status; the list below shows each status anyway
    fewest_lines: bool  # prefer a smaller title on fewer lines to a big one on more
    label_pt: float = 36  # the example label; a band across the page stands out at the body size too


FULL, NO_TALLY = HeaderForm(3, (96, 56), True, False), HeaderForm(3, (96, 56), False, False)
COMPACT, TIGHT = HeaderForm(2, (72, 48), False, False), HeaderForm(2, (72, 48), False, True)
LEAN = HeaderForm(2, (40, 36), False, True, BODY_MIN_PT)  # still a step above promise titles at the body size


@dataclass(frozen=True, slots=True)
class Header:
    parties: Block
    title: Block
    dates: Block
    as_of: Block
    chips: tuple[tuple[Mark, Block], ...]
    inline: bool  # dates and "Läget …" share one line
    height: int


class HeaderWriter:
    def __init__(self, page: Page, data: PosterData):
        self.p, self.data = page, data
        self.logo = logo(data.logo, (page.u(LOGO_MM[0]), page.u(LOGO_MM[1]))) if data.logo else None

    def example_label(self, form: HeaderForm, y: int | None = None) -> int:
        """White on ink across the page: example data must not pass for real.

        Draws the label from `y` and returns the space below it; without `y`,
        only returns the height it takes, space below included.
        """
        p = self.p
        block = p.text(self.data.example, p.width - 2 * p.u(6), weight="bold", pts=(form.label_pt, BODY_MIN_PT))
        pad = p.gap(LABEL_PAD_MM)
        if y is None:
            return block.height + 2 * pad + p.gap(LABEL_BELOW_MM)
        bottom = y + block.height + 2 * pad
        p.c.rect((p.x0, y, p.x1, bottom), fill=palette.LABEL_GROUND)
        width = block.font.getlength(block.lines[0])
        p.c.line(round(p.x0 + (p.width - width) / 2), y + pad + first_baseline(block),
                 block.lines[0], block, palette.WHITE, palette.LABEL_GROUND)
        return bottom + p.gap(LABEL_BELOW_MM)

    def measure(self, form: HeaderForm) -> Header:
        p, data = self.p, self.data
        logo_room = self.logo[0].width + p.u(8) if self.logo else 0
        parties = p.text(data.parties, p.width - logo_room, lines=2, even=True)
        title = self.title(form)
        as_of = p.text(data.as_of + (":" if form.tally else ""), p.width, weight="bold")
        chips = tuple((m, p.text(m.label, p.width)) for m in data.counts) if form.tally else ()
        inline = False
        if not chips:
            for text in (data.dates, data.dates_short):
                dates = p.text(text + " ·", p.width)
                room = p.width - as_of.font.getlength(as_of.lines[0]) - dates.font.getlength(" ")
                if not dates.truncated and dates.font.getlength(dates.lines[0]) <= room:
                    inline = True
                    break
        if not inline:
            dates = p.text(data.dates, p.width, lines=2)
        rows = 0 if inline else len(self.chip_rows(as_of, chips))
        height = (parties.height + p.gap(LINE_GAP_MM) + title.height + p.gap(LINE_GAP_MM) + dates.height
                  + rows * as_of.leading + p.gap(LINE_GAP_MM) + max(2, p.u(RULE_MM)) + p.gap(BELOW_MM))
        return Header(parties, title, dates, as_of, chips, inline, height)

    def title(self, form: HeaderForm) -> Block:
        lines = range(1, form.title_lines + 1) if form.fewest_lines else (form.title_lines,)
        for n in lines:
            block = self.p.text(self.data.title, self.p.width, lines=n, weight="bold", pts=form.title_pt, even=True)
            if not block.truncated:
                return block
        return block

    def chip_rows(self, as_of: Block, chips) -> list[list[tuple[int, Mark, Block]]]:
        """Place "Läget …:" and the status chips in rows: (x, mark, label block)."""
        p = self.p
        d = symbol_size(as_of)
        x = p.x0 + round(as_of.font.getlength(as_of.lines[0])) + p.u(6)
        rows: list[list] = [[]]
        for mark, block in chips:
            need = d + p.u(2.5) + round(block.font.getlength(block.lines[0]))
            if x + need > p.x1 and (rows[-1] or x > p.x0):
                rows.append([])
                x = p.x0
            rows[-1].append((x, mark, block))
            x += need + p.u(8)
        return rows

    def draw(self, h: Header, y: int) -> int:
        """Draw a measured header from `y`; returns where the promises start."""
        p = self.p
        if self.logo:
            grey, alpha = self.logo
            p.c.image.paste(grey, (p.x1 - grey.width, y), alpha)
        y = p.c.block(p.x0, y, h.parties, palette.INK) + p.gap(LINE_GAP_MM)
        y = p.c.block(p.x0, y, h.title, palette.INK) + p.gap(LINE_GAP_MM)
        if h.inline:
            end = p.c.line(p.x0, y + first_baseline(h.dates), h.dates.lines[0], h.dates, palette.INK)
            p.c.block(end + round(h.dates.font.getlength(" ")), y, h.as_of, palette.INK)
            y += h.dates.height
        else:
            y = p.c.block(p.x0, y, h.dates, palette.INK)
            p.c.block(p.x0, y, h.as_of, palette.INK)
            d = symbol_size(h.as_of)
            for row in self.chip_rows(h.as_of, h.chips):
                for x, mark, block in row:
                    p.symbol(mark, x, y, block, d)
                    p.c.block(x + d + p.u(2.5), y, block, palette.INK)
                y += h.as_of.leading
        return p.rule(y + p.gap(LINE_GAP_MM), RULE_MM, palette.ACCENT) + p.gap(BELOW_MM)


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
