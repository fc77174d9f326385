"""The QR code to the period page.

segno (a maintained, pure-Python encoder) with error correction Q, which
survives the scuffs and stickers a poster on a wall gets; `boost_error` is off
so the level stays Q as documented. The 4-module quiet zone the standard asks
for is part of the image, so nothing can be drawn into it.
"""
from __future__ import annotations

import math

import segno
from PIL import Image

ERROR = "q"
QUIET_ZONE = 4


def code(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR, boost_error=False, micro=False)


def modules(url: str) -> int:
    """Width of the symbol in modules, without the quiet zone."""
    return code(url).symbol_size(scale=1, border=0)[0]


def module_px(url: str, min_symbol_px: int) -> int:
    """Whole pixels per module so the symbol (without quiet zone) is at least `min_symbol_px` wide."""
    return math.ceil(min_symbol_px / modules(url))


def mask(url: str, module: int) -> Image.Image:
    """Mask of the code (255 = dark module), quiet zone included, `module` pixels per module."""
    rows = list(code(url).matrix_iter(scale=1, border=QUIET_ZONE))
    size = len(rows)
    img = Image.frombytes("L", (size, size), bytes(255 if v else 0 for row in rows for v in row))
    return img.resize((size * module, size * module), Image.Resampling.NEAREST)
