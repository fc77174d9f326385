"""Status symbols, drawn as shapes so they never depend on the font.

The status vocabulary (statuses.py) gives each status a symbol character, shown
beside its word because status must never be colour alone. The poster face has
no ● ◐ ✓ ✗, and a missing glyph prints as an empty box, so each symbol is drawn
here from circles and strokes, supersampled for smooth edges. Every symbol in
the vocabulary must have a shape (a test checks it).
"""
from __future__ import annotations

from PIL import Image, ImageDraw

from . import fonts

SUPERSAMPLE = 4


def _ring(d: ImageDraw.ImageDraw, s: int, w: int) -> None:
    d.ellipse((0, 0, s - 1, s - 1), outline=255, width=w)


def _disc(d, s, w):
    d.ellipse((0, 0, s - 1, s - 1), fill=255)


def _half(start: int, end: int):
    def draw(d, s, w):
        _ring(d, s, w)
        d.pieslice((0, 0, s - 1, s - 1), start, end, fill=255)
    return draw


def _bang(d, s, w):
    _ring(d, s, w)
    c = s // 2
    d.rounded_rectangle((c - w // 2, s * 0.22, c + w // 2, s * 0.60), radius=w // 2, fill=255)
    d.ellipse((c - w * 0.6, s * 0.68, c + w * 0.6, s * 0.68 + w * 1.2), fill=255)


def _question(d, s, w):
    _ring(d, s, w)
    d.text((s / 2, s / 2), "?", font=fonts.font("bold", round(s * 0.62)), fill=255, anchor="mm")


def _check(d, s, w):
    _ring(d, s, w)
    d.line([(s * 0.28, s * 0.52), (s * 0.44, s * 0.68), (s * 0.73, s * 0.34)], fill=255, width=w, joint="curve")


def _cross(d, s, w):
    _ring(d, s, w)
    a, b = s * 0.33, s * 0.67
    d.line([(a, a), (b, b)], fill=255, width=w)
    d.line([(a, b), (b, a)], fill=255, width=w)


def _dash(d, s, w):
    _ring(d, s, w)
    d.rectangle((s * 0.3, s / 2 - w / 2, s * 0.7, s / 2 + w / 2), fill=255)


SHAPES = {
    "○": _ring,
    "●": _disc,
    "◐": _half(90, 270),
    "◑": _half(270, 90),
    "!": _bang,
    "?": _question,
    "✓": _check,
    "✗": _cross,
    "–": _dash,
}


def mask(symbol: str, diameter: int) -> Image.Image:
    """An anti-aliased mask of a status symbol, `diameter` pixels square."""
    s = diameter * SUPERSAMPLE
    img = Image.new("L", (s, s), 0)
    SHAPES.get(symbol, _question)(ImageDraw.Draw(img), s, max(SUPERSAMPLE, round(s * 0.11)))
    return img.reduce(SUPERSAMPLE)
