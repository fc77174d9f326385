"""Typesetting on a poster page: units, the type scale, symbols beside text.

Shared by the poster's parts (header.py, promises.py, footer.py, poster.py).
Type is designed in points for a body size of DESIGN_BODY_PT and set on each
paper at that paper's own body size (BODY_PT), chosen for how far away it is
read, with capitals of at least 3 mm per metre (legible at visual acuity 0.5,
the Swedish driving-licence standard): an A3 on a wall from 2 m (26 pt,
capitals 6.1 mm), an A4 on a notice board from 1.5 m (20 pt, 4.7 mm). So A3
is not A4 enlarged: its type is relatively smaller and a page holds about a
fifth more text (9 % more lines, each 9 % longer): eight promises fit one A3.
No text is set below the body size. Lengths that belong to the text (gaps, bar
sizes) follow the type (`mm`, `gap`); the sheet's geometry (margins, the QR
code) follows the paper (`u`). Vertical space goes through `gap`, which a full
poster may tighten (`space`); type never shrinks for it.
"""
from __future__ import annotations

from . import layout, palette, symbols
from .canvas import Canvas, first_baseline
from .data import Mark
from .fonts import cap_height
from .layout import Block
from .paper import DPI, Sheet
from .paper import px as paper_px

DESIGN_BODY_PT = 30  # the sizes in the design are given for this body size
BODY_PT = {"a3": 26, "a4": 20}  # the body size on each paper, in points
BODY_MIN_PT = DESIGN_BODY_PT  # in design points: nothing is set smaller


def type_scale(sheet: Sheet) -> float:
    return BODY_PT[sheet.paper.name] / DESIGN_BODY_PT


def px(sheet: Sheet, pt: float) -> int:
    """A type size in design points, in pixels per em on this sheet."""
    return round(pt * type_scale(sheet) * DPI / 72)


def min_size(sheet: Sheet) -> int:
    """The smallest type on this sheet, in pixels per em."""
    return px(sheet, BODY_MIN_PT)


def symbol_size(block: Block) -> int:
    """A symbol diameter that matches the capitals of a block's text."""
    return round(cap_height(block.weight, block.size) * 1.25)


class Page:
    """A canvas for one sheet, with the area inside the margins and the type scale."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.x0, self.y0, self.x1, self.y1 = sheet.printable
        self.width = self.x1 - self.x0
        self.body = min_size(sheet)
        self.space = 1.0  # set by poster.py for the plan it measures or draws
        self._canvas: Canvas | None = None

    @property
    def c(self) -> Canvas:
        """The drawing, made when first drawn on: a page that is only measured (the
        other paper size, planned together) never holds its 9–17 MB of pixels."""
        if self._canvas is None:
            self._canvas = Canvas(self.sheet.size)
        return self._canvas

    def u(self, mm: float) -> int:
        """A length of the sheet's geometry, designed for A3."""
        return self.sheet.u(mm)

    def mm(self, mm: float) -> int:
        """A length that belongs to the text, designed for the design body size."""
        return paper_px(mm * type_scale(self.sheet))

    def gap(self, mm: float) -> int:
        """Vertical space between parts of the poster, tightened by `space`."""
        return self.mm(mm * self.space)

    def text(self, text: str, width: int, lines: int = 1, weight: str = "regular",
             pts: tuple[float, float] | None = None, first_width: int | None = None, scale: float = 1.0,
             even: bool = False) -> Block:
        """Fit text at `pts` (largest, smallest), or else at the body size times `scale`; `even`: balance lines."""
        sizes = layout.sizes(px(self.sheet, pts[0]), px(self.sheet, pts[1])) if pts else (round(self.body * scale),)
        leading = 1.06 if pts and pts[1] >= 48 else 1.16  # display type sits tighter than text
        return layout.fit(text, weight, width, lines, sizes, leading, first_width, even)

    def symbol(self, mark: Mark, x: int, top: int, block: Block, d: int) -> None:
        """A status symbol centred on the capitals of a block's first line."""
        middle = top + first_baseline(block) - cap_height(block.weight, block.size) / 2
        self.c.paste(palette.INK, (x, round(middle - d / 2)), symbols.mask(mark.symbol, d))

    def rule(self, top: int, thickness_mm: float, fill: int) -> int:
        """A full-width rule; returns its bottom."""
        bottom = top + max(2, self.u(thickness_mm))
        self.c.rect((self.x0, top, self.x1, bottom - 1), fill=fill)
        return bottom
