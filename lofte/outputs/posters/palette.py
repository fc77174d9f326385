"""Colours, and the contrast rule every text must meet (≥ 4.5:1, WCAG AA).

Images are drawn in greyscale mode "L" and saved as palette PNGs whose palette
maps each grey to itself, except the lowest indices, which are reserved for a
few flat spot colours. Why: greyscale drawing is about twice as fast as RGB,
palette PNGs compress fast and small, and text stays anti-aliased. The price is
a rule: text is grey ink on a grey ground (its anti-aliased edges are greys
between the two), and spot colours are only used for flat shapes such as bars
and rules, never under or inside text. Greys darker than `MIN_GREY` would be
read as spot colours, so no ink is that dark.
"""
from __future__ import annotations

SPOT_COLOURS = (
    (0, 0, 0),  # 0: unused, so that a stray 0 shows up black rather than as a colour
    (24, 86, 150),  # 1: accent: bars and rules
)
ACCENT = 1
MIN_GREY = 16

WHITE = 255
INK = 20  # body text: #141414
MUTED = 78  # secondary text: #4e4e4e
TRACK = 226  # the empty part of a progress bar
RULE = 180  # hairlines between promises
LABEL_GROUND = INK  # the example label: white text on ink
BAND = 232  # the ground of an ended period's "Avslutad" band, under ink text


def grey(value: int) -> int:
    if not MIN_GREY <= value <= 255:
        raise ValueError(f"grey {value} would collide with a spot colour")
    return value


def palette() -> list[int]:
    """The 256-entry RGB palette, flattened, as Pillow's putpalette wants it."""
    flat = []
    for index in range(256):
        rgb = SPOT_COLOURS[index] if index < len(SPOT_COLOURS) else (index, index, index)
        flat.extend(rgb)
    return flat


def rgb(index: int) -> tuple[int, int, int]:
    p = palette()
    return p[3 * index], p[3 * index + 1], p[3 * index + 2]


def luminance(colour: tuple[int, int, int]) -> float:
    """Relative luminance as WCAG 2 defines it."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: int, b: int) -> float:
    """Contrast ratio between two palette indices (1.0 … 21.0)."""
    la, lb = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)
