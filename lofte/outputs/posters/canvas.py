"""A drawing surface that remembers every text box and every promise it drew.

Layout mistakes on a poster are silent (text past the margin, a size too small,
grey on grey, a promise or a bar left out), so every line of text drawn goes
through `Canvas.line` and is recorded with its ink bounds, size and colours, and
every promise with its area, status and bar; tests check the records against
the printable area, the minimum size and the contrast rule, and the pixels in
the regions they claim.

A line's ink is clipped to its line box (the face's ascent and descent, or the
leading if larger): letters under stacked combining marks cannot draw over the
lines above and below (glyphs.py already keeps at most two marks).
"""
from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from . import palette
from .layout import Block


@dataclass(frozen=True, slots=True)
class TextBox:
    box: tuple[int, int, int, int]  # ink bounds (x0, y0, x1, y1) in image pixels
    text: str
    size: int  # pixels per em
    ink: int  # palette index
    ground: int  # palette index of what is behind the text


@dataclass(frozen=True, slots=True)
class Drawn:
    """One promise as drawn: what a reader of the poster sees of it."""
    title: str  # the promise's whole title (the drawn lines may shorten it)
    box: tuple[int, int, int, int]  # the area of everything drawn for it
    status: str  # the status or verdict word beside its symbol
    bar: tuple[int, int, int, int] | None  # the progress bar's outline
    fraction: float | None  # how much of the bar is filled
    value: str  # the bar's value in words, as drawn (lines joined by spaces)


class Canvas:
    def __init__(self, size: tuple[int, int]):
        self.image = Image.new("L", size, palette.WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.texts: list[TextBox] = []
        self.promises: list[Drawn] = []
        self.code: tuple[int, int, int, int] | None = None  # the QR code with its quiet zone, for checks

    def line(self, x: int, baseline: int, text: str, block: Block, ink: int, ground: int = palette.WHITE) -> int:
        """Draw one line at a baseline, clipped to its line box; returns the x where the line ends."""
        font = block.font
        box = self.draw.textbbox((x, baseline), text, font=font, anchor="ls")
        ascent, descent = font.getmetrics()
        above = max(ascent, first_baseline(block))
        top, bottom = baseline - above, baseline + max(descent, block.leading - first_baseline(block))
        if box[1] >= top and box[3] <= bottom:
            self.draw.text((x, baseline), text, font=font, fill=palette.grey(ink), anchor="ls")
        elif box[2] > box[0]:
            mask = Image.new("L", (box[2] - box[0], bottom - top), 0)
            ImageDraw.Draw(mask).text((x - box[0], above), text, font=font, fill=255, anchor="ls")
            self.image.paste(palette.grey(ink), (box[0], top, box[2], bottom), mask)
            box = (box[0], max(box[1], top), box[2], min(box[3], bottom))
        self.texts.append(TextBox(tuple(box), text, block.size, ink, ground))
        return box[2]

    def block(self, x: int, top: int, block: Block, ink: int, ground: int = palette.WHITE,
              first_x: int | None = None) -> int:
        """Draw a wrapped block whose first line's top is `top`; returns its bottom."""
        for i, text in enumerate(block.lines):
            baseline = top + first_baseline(block) + i * block.leading
            self.line(first_x if i == 0 and first_x is not None else x, baseline, text, block, ink, ground)
        return top + block.height

    def rect(self, box: tuple[int, int, int, int], fill: int | None = None,
             outline: int | None = None, width: int = 0) -> None:
        self.draw.rectangle(box, fill=fill, outline=outline, width=width)

    def paste(self, ink: int, box: tuple[int, int], mask: Image.Image) -> None:
        """Ink through an anti-aliased mask (symbols, QR code, logo)."""
        self.image.paste(palette.grey(ink), (*box, box[0] + mask.width, box[1] + mask.height), mask)


def first_baseline(block: Block) -> int:
    """Baseline of a block's first line below its top: the line box centred on the text."""
    ascent, descent = block.font.getmetrics()
    return round((block.leading - (ascent + descent)) / 2) + ascent
