"""The typeface: Atkinson Hyperlegible, installed from PyPI (OFL-1.1).

The Braille Institute designed it for readers with low vision: letters that are
easy to confuse (I l 1, 0 O, b d) are drawn apart, which is what a poster read
from two metres needs. It comes as the pip package
`fontpkg-atkinson-hyperlegible`, so a fresh machine gets it with the project
rather than from a system font path. It covers Latin including å ä ö and
typographic quotes and dashes; the status symbols (● ◐ ✓ …) are not in it,
which is why symbols.py draws them as shapes.

Text is shaped with raqm when Pillow has it (needed for right-to-left scripts
in translated posters); the engine is part of the cache fingerprint because it
changes the pixels.
"""
from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path

from PIL import ImageFont, features

PACKAGE = "fontpkg_atkinson_hyperlegible"
FILES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
}


def path(weight: str) -> Path:
    return Path(str(resources.files(PACKAGE) / "files" / FILES[weight]))


def engine() -> ImageFont.Layout:
    return ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


@functools.lru_cache(maxsize=256)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    """The face at a pixel size; cached, since layout asks for the same sizes often."""
    return ImageFont.truetype(str(path(weight)), size, layout_engine=engine())


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of the font files, the rasteriser and the shaping engine, for cache keys."""
    h = hashlib.sha256()
    for weight in sorted(FILES):
        h.update(path(weight).read_bytes())
    h.update(engine().name.encode())
    h.update(f"{features.version('freetype2')} {features.version('raqm')}".encode())
    return h.hexdigest()


def cap_height(weight: str, size: int) -> int:
    """Height of a capital H in pixels: what legibility at a distance depends on."""
    _, top, _, bottom = font(weight, size).getbbox("H", anchor="ls")
    return bottom - top
