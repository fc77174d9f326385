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

A character the face lacks would print as an empty box, so `coverage` reads the
face's character map (the TrueType `cmap` table, formats 4 and 12, read here
so no font library is needed) and `can_draw` tells whether a text prints whole:
glyphs.py replaces what cannot, and content validation can warn with it.
"""
from __future__ import annotations

import functools
import hashlib
import struct
import unicodedata
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


@functools.lru_cache(maxsize=None)
def coverage(weight: str = "regular") -> frozenset[int]:
    """The code points the face has glyphs for."""
    return frozenset(_cmap(path(weight).read_bytes()))


def can_draw(text: str) -> bool:
    """Whether every character of `text` (NFC) prints in both weights; whitespace and
    control characters need no glyph (layout collapses or drops them). A letter the face
    lacks but can build from letters and marks it has (Ḯ = I + U+0308 + U+0301) prints,
    as glyphs.clean builds it."""
    have = coverage("regular") & coverage("bold")
    return all(ord(ch) in have or ch.isspace() or unicodedata.category(ch) == "Cc" or buildable(ch, have)
               for ch in unicodedata.normalize("NFC", text))


def buildable(ch: str, have: frozenset[int] | set[int]) -> str | None:
    """The characters `ch` decomposes to (canonically, else by compatibility: "ﬁ" → "fi")
    where the face has all of them; None where it has not."""
    for form in ("NFD", "NFKD"):
        parts = unicodedata.normalize(form, ch)
        if parts != ch and all(ord(p) in have for p in parts):
            return parts
    return None


def _cmap(data: bytes) -> set[int]:
    tables = {}
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag] = offset
    base = tables[b"cmap"]
    points: set[int] = set()
    for i in range(struct.unpack(">H", data[base + 2:base + 4])[0]):
        platform, encoding, offset = struct.unpack(">HHI", data[base + 4 + 8 * i:base + 12 + 8 * i])
        if (platform, encoding) not in ((0, 3), (0, 4), (3, 1), (3, 10)):
            continue  # only Unicode subtables
        sub = base + offset
        fmt = struct.unpack(">H", data[sub:sub + 2])[0]
        if fmt == 4:
            points |= _format4(data, sub)
        elif fmt == 12:
            for g in range(struct.unpack(">I", data[sub + 12:sub + 16])[0]):
                start, end, _ = struct.unpack(">III", data[sub + 16 + 12 * g:sub + 28 + 12 * g])
                points.update(range(start, end + 1))
    return points


def _format4(data: bytes, sub: int) -> set[int]:
    """Segments of (start, end) code points; a segment maps to glyph 0 (.notdef) only
    where its delta or glyph array says so, which the check below leaves in."""
    count = struct.unpack(">H", data[sub + 6:sub + 8])[0] // 2
    ends = struct.unpack(f">{count}H", data[sub + 14:sub + 14 + 2 * count])
    starts_at = sub + 16 + 2 * count
    starts = struct.unpack(f">{count}H", data[starts_at:starts_at + 2 * count])
    deltas = struct.unpack(f">{count}h", data[starts_at + 2 * count:starts_at + 4 * count])
    ranges_at = starts_at + 4 * count
    range_offsets = struct.unpack(f">{count}H", data[ranges_at:ranges_at + 2 * count])
    points = set()
    for i, (start, end) in enumerate(zip(starts, ends)):
        for cp in range(start, min(end, 0xFFFE) + 1):
            if range_offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                at = ranges_at + 2 * i + range_offsets[i] + 2 * (cp - start)
                glyph = struct.unpack(">H", data[at:at + 2])[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                points.add(cp)
    return points
