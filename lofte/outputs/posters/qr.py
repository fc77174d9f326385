"""The QR code to the period page.

segno (a maintained, pure-Python encoder) with error correction Q, which
survives the scuffs and stickers a poster on a wall gets; `boost_error` is off
so the level stays Q as documented. The 4-module quiet zone the standard asks
for is part of the image, so nothing can be drawn into it.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import segno
from PIL import Image

ERROR = "q"
QUIET_ZONE = 4


@dataclass(frozen=True, slots=True)
class Code:
    mask: Image.Image  # 255 = dark module; quiet zone included
    module: int  # pixels per module

    @property
    def quiet(self) -> int:
        return QUIET_ZONE * self.module

    @property
    def symbol(self) -> int:
        """Width of the symbol without its quiet zone, in pixels."""
        return self.mask.width - 2 * self.quiet


@functools.lru_cache(maxsize=4)
def render(url: str, min_symbol_px: int, aim_px: int | None = None) -> Code:
    """The code for `url`, with whole pixels per module and at least `min_symbol_px` wide.

    With `aim_px`, the symbol is as near that width as whole modules allow, but
    never narrower than `min_symbol_px`. Cached: every page planned or drawn of a
    poster has the same code (the mask is only ever read).
    """
    rows = list(segno.make(url, error=ERROR, boost_error=False, micro=False).matrix_iter(scale=1, border=QUIET_ZONE))
    size = len(rows)
    modules = size - 2 * QUIET_ZONE
    module = max(math.ceil(min_symbol_px / modules), round((aim_px or 0) / modules))
    img = Image.frombytes("L", (size, size), bytes(255 if dark else 0 for row in rows for dark in row))
    return Code(img.resize((size * module, size * module), Image.Resampling.NEAREST), module)
