"""A drawing surface that remembers every text box it drew.

Layout mistakes on a poster are silent (text past the margin, a size too small,
grey on grey), so every line of text drawn goes through `Canvas.text` and is
recorded with its ink bounds, size and colours; tests check the records against
the printable area, the minimum size and the contrast rule.
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


class Canvas:
    def __init__(self, size: tuple[int, int]):
        self.image = Image.new("L", size, palette.WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.texts: list[TextBox] = []
        self.code: tuple[int, int, int, int] | None = None  # the QR code with its quiet zone, for checks

    def line(self, x: int, baseline: int, text: str, block: Block, ink: int,
             ground: int = palette.WHITE, anchor: str = "ls") -> int:
        """Draw one line at a baseline; returns the x where the line ends."""
        font = block.font
        self.draw.text((x, baseline), text, font=font, fill=palette.grey(ink), anchor=anchor)
        box = self.draw.textbbox((x, baseline), text, font=font, anchor=anchor)
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
