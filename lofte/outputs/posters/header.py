"""The top of a poster page: example label, logo, parties, title, the state of the period.

What a passer-by needs before any promise: whose promises, which period, when
something was last reported (the main date), and, once the period is over, an
"Avslutad" band with the final result. The header has several forms (FULL to
LEAN, from generous to lean); poster.py picks the first that leaves room for
the promises. An ended period's band and result are in every form; the running
tally only in the roomier ones, as each promise shows its status anyway. Pages
after the first repeat the label, the title, the band and the date
(CONTINUED), so a page hung on its own still says what it is. Only a logo the
content supplies is drawn (never a police emblem), in grey like the rest.
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
BAND_PAD_MM, BAND_EDGE_MM = 2.5, 3  # the "Avslutad" band: padding, and the ink edge on its left
LINE_GAP_MM = 3  # between parties, title, dates and the rule below them
RULE_MM, BELOW_MM = 1.5, 5
CHIP_GAP_MM = 7  # between two status chips


@dataclass(frozen=True, slots=True)
class HeaderForm:
    title_lines: int
    title_pt: tuple[int, int]
    tally: bool  # the count per status of a running period; the list shows each status anyway
    fewest_lines: bool  # prefer a smaller title on fewer lines to a big one on more
    label_pt: float = 36  # the example label; a band across the page stands out at the body size too
    parties: bool = True  # who gives the promises (the first page names them)
    parties_lines: int = 2
    dates: bool = True  # the time frame; an ended period's band gives its end, and the title its years


FULL, NO_TALLY = HeaderForm(3, (96, 56), True, False), HeaderForm(3, (96, 56), False, False)
COMPACT, TIGHT = HeaderForm(2, (72, 48), False, False), HeaderForm(2, (72, 48), False, True)
LEAN = HeaderForm(2, (40, 36), False, True, BODY_MIN_PT)  # still a step above promise titles at the body size
LEANER = HeaderForm(2, (40, 36), False, True, BODY_MIN_PT, parties_lines=1, dates=False)
CONTINUED = HeaderForm(2, (40, 36), False, True, BODY_MIN_PT, parties=False, dates=False)


@dataclass(frozen=True, slots=True)
class Header:
    parties: Block | None
    title: Block
    band: Block | None  # "Avslutad …"
    dates: Block
    reported: Block
    inline: bool  # dates and "Senast rapporterat …" share one line
    result: Block | None  # "Slutbedömning:" before the chips, or the sentence saying there is none
    chips: tuple[tuple[Mark, Block], ...]
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
        parties = None
        if form.parties:
            parties = p.text(data.parties, p.width - logo_room, lines=form.parties_lines, even=True)
        title = self.title(form, p.width - (0 if parties else logo_room))
        band = None
        dated = form.dates or not data.ended
        if data.ended:
            said = data.ended if dated else f"{data.ended_short} · {data.reported_short}"
            band = p.text(said, p.width - 2 * p.mm(BAND_PAD_MM) - p.mm(BAND_EDGE_MM), weight="bold", lines=2)
        reported = p.text(data.reported, p.width, weight="bold")
        inline = False
        for text, said in ((data.dates, data.reported), (data.dates_short, data.reported_short)) if dated else ():
            if not text:
                break
            dates, reported = p.text(text + " ·", p.width), p.text(said, p.width, weight="bold")
            room = p.width - reported.font.getlength(said) - dates.font.getlength(" ")
            if not dates.truncated and dates.font.getlength(dates.lines[0]) <= room:
                inline = True
                break
        if not inline:
            dates, reported = p.text(data.dates, p.width, lines=2), p.text(data.reported, p.width, weight="bold")
        if not dated:  # the band says it all: no line of dates
            dates = reported = Block((), "regular", reported.size, reported.leading, False)
        first = form.parties
        result = None
        if first and (data.result_note or data.result):
            result = p.text(data.result_note or data.result, p.width, weight="bold", lines=2)
        show_chips = first and not data.result_note and (form.tally or bool(data.ended))
        chips = tuple((m, p.text(m.label, p.width)) for m in data.counts) if show_chips else ()
        rows = sum(self.row_lines(r) for r in self.chip_rows(result, chips))
        height = ((parties.height + p.gap(LINE_GAP_MM) if parties else 0) + title.height + p.gap(LINE_GAP_MM)
                  + (band.height + 2 * p.gap(BAND_PAD_MM) + p.gap(LINE_GAP_MM) if band else 0)
                  + (reported.height if inline else dates.height + reported.height)
                  + rows * reported.leading + p.gap(LINE_GAP_MM) + max(2, p.u(RULE_MM)) + p.gap(BELOW_MM))
        return Header(parties, title, band, dates, reported, inline, result, chips, height)

    def title(self, form: HeaderForm, width: int) -> Block:
        lines = range(1, form.title_lines + 1) if form.fewest_lines else (form.title_lines,)
        for n in lines:
            block = self.p.text(self.data.title, width, lines=n, weight="bold", pts=form.title_pt, even=True)
            if not block.truncated:
                return block
        return block

    def chip_rows(self, result: Block | None, chips) -> list[list[tuple[int, Mark | None, Block]]]:
        """The result label and the status chips in rows: (x, mark or None for the label, block).

        A label of one line is followed by the chips on its row; a longer one has its own rows.
        """
        p = self.p
        rows: list[list] = [[]]
        x = p.x0
        if result:
            rows[-1].append((x, None, result))
            x = p.x1 if len(result.lines) > 1 else x + round(result.font.getlength(result.lines[0])) + p.mm(4)
        for mark, block in chips:
            need = symbol_size(block) + p.mm(2.5) + round(block.font.getlength(block.lines[0]))
            if x + need > p.x1 and rows[-1]:
                rows.append([])
                x = p.x0
            rows[-1].append((x, mark, block))
            x += need + p.mm(CHIP_GAP_MM)
        return [r for r in rows if r]

    @staticmethod
    def row_lines(row) -> int:
        return max(len(block.lines) if mark is None else 1 for _, mark, block in row)

    def draw(self, h: Header, y: int) -> int:
        """Draw a measured header from `y`; returns where the promises start."""
        p = self.p
        if self.logo:
            grey, alpha = self.logo
            p.c.image.paste(grey, (p.x1 - grey.width, y), alpha)
        if h.parties:
            y = p.c.block(p.x0, y, h.parties, palette.INK) + p.gap(LINE_GAP_MM)
        y = p.c.block(p.x0, y, h.title, palette.INK) + p.gap(LINE_GAP_MM)
        if h.band:
            y = self.band(h.band, y) + p.gap(LINE_GAP_MM)
        if h.inline:
            end = p.c.line(p.x0, y + first_baseline(h.dates), h.dates.lines[0], h.dates, palette.INK)
            y = p.c.block(end + round(h.dates.font.getlength(" ")), y, h.reported, palette.INK)
        else:
            y = p.c.block(p.x0, p.c.block(p.x0, y, h.dates, palette.INK), h.reported, palette.INK)
        for row in self.chip_rows(h.result, h.chips):
            for x, mark, block in row:
                if mark:
                    d = symbol_size(block)
                    p.symbol(mark, x, y, block, d)
                    x += d + p.mm(2.5)
                p.c.block(x, y, block, palette.INK)
            y += h.reported.leading * self.row_lines(row)
        return p.rule(y + p.gap(LINE_GAP_MM), RULE_MM, palette.ACCENT) + p.gap(BELOW_MM)

    def band(self, block: Block, y: int) -> int:
        """The "Avslutad" band: ink on light grey with an ink edge, across the page."""
        p, pad = self.p, self.p.gap(BAND_PAD_MM)
        bottom = y + block.height + 2 * pad
        p.c.rect((p.x0, y, p.x1, bottom - 1), fill=palette.BAND)
        p.c.rect((p.x0, y, p.x0 + p.mm(BAND_EDGE_MM) - 1, bottom - 1), fill=palette.INK)
        p.c.block(p.x0 + p.mm(BAND_EDGE_MM) + p.mm(BAND_PAD_MM), y + pad, block, palette.INK, palette.BAND)
        return bottom


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
