"""Typesetting on a poster page: units, the type scale, symbols beside text.

Shared by the poster's parts (header.py, promises.py, poster.py). Lengths are
designed in millimetres and type in points for A3; `u` and `px` scale both for
A4, so both sizes show the same layout. No text is set below BODY_MIN_PT: on
A3 its capitals are 7 mm high, legible from 2 m. Vertical space between parts
goes through `gap`, which a full poster may tighten (`space`); type never shrinks
for it.
"""
from __future__ import annotations

from . import layout, palette, symbols
from .canvas import Canvas, first_baseline
from .data import Mark
from .fonts import cap_height
from .layout import Block
from .paper import DPI, Sheet

BODY_MIN_PT = 30


def px(sheet: Sheet, pt: float) -> int:
    """A type size in points at A3, in pixels per em on this sheet."""
    return round(pt * DPI / 72 * sheet.paper.scale)


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
        return self.sheet.u(mm)

    def gap(self, mm: float) -> int:
        """Vertical space between parts of the poster, tightened by `space`."""
        return self.sheet.u(mm * self.space)

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
