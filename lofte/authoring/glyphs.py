"""Characters the poster typeface cannot draw: a warning instead of empty boxes on paper.

The web pages use the reader's own fonts, which draw emoji, Arabic or Chinese;
the posters are drawn with one typeface (Atkinson Hyperlegible, Latin only), and
a character it lacks prints as an empty box ("tofu") that nobody sees until the
poster is on the wall. So every text a poster or share image shows is checked
against the font file, and `check` and a build with posters name the file,
line and field of each text with such characters. The text itself is valid: a
warning, never an error.

Coverage is asked of the font through Pillow: a character the font has no
glyph for is drawn with the font's ".notdef" glyph, so its mask equals that of
a code point no font has.
"""
from __future__ import annotations

import functools
import unicodedata

from PIL import ImageFont

from lofte.build.pipeline import Options, read_site
from lofte.content.model import Site
from lofte.outputs.posters import fonts

from .check import Advice, Lines

_NOT_A_CHARACTER = "\U0010fffd"  # private use: no font has a glyph for it


@functools.lru_cache(maxsize=2)
def _face(weight: str) -> tuple[ImageFont.FreeTypeFont, tuple]:
    face = ImageFont.truetype(str(fonts.path(weight)), 40, layout_engine=ImageFont.Layout.BASIC)
    return face, _mask(face, _NOT_A_CHARACTER)


def _mask(face: ImageFont.FreeTypeFont, char: str) -> tuple:
    mask = face.getmask(char)
    return mask.size, bytes(mask)


@functools.lru_cache(maxsize=4096)
def drawable(char: str) -> bool:
    """Can the poster typeface (both weights) draw `char`? Spaces and invisible
    format characters need no glyph."""
    if char.isspace() or unicodedata.category(char) in ("Cf", "Cc"):
        return True
    return all(_mask(face, char) != notdef for face, notdef in map(_face, fonts.FILES))


def missing(text: str) -> str:
    """The characters of `text` the typeface cannot draw, each once, in order."""
    if text.isascii():
        return ""
    return "".join(dict.fromkeys(c for c in text if not c.isascii() and not drawable(c)))


def poster_texts(site: Site):
    """(content path, YAML keys, text) of everything a poster or share image prints."""
    for key in ("title", "feedback"):
        yield "site.yaml", (key,), getattr(site, key)
    for m in site.municipalities:
        kommun = f"{m.slug}/kommun.yaml"
        for key in ("name", "short_name", "police_area"):
            yield kommun, (key,), getattr(m, key)
        for i, partner in enumerate(m.partners):
            yield kommun, ("partners", i, "name"), partner.name
        for p in m.periods:
            yield p.path, ("title",), p.title
            yield p.path, ("dates_note",), p.dates_note
            for pr in p.promises:
                yield pr.path, ("title",), pr.title
                yield pr.path, ("summary",), pr.summary
                for i, ind in enumerate(pr.indicators):
                    yield pr.path, ("indicators", i, "unit"), ind.unit
                for u in pr.updates:
                    yield u.path, ("title",), u.title


def advice(site: Site, lines: Lines) -> list[Advice]:
    found = []
    for rel, keys, text in poster_texts(site):
        lacking = missing(text)
        if lacking:
            field = ".".join(str(k) for k in keys if not isinstance(k, int))
            found.append(Advice(lines.display(rel), lines.key(rel, *keys),
                                f"{field}: affischens typsnitt saknar tecknen {' '.join(lacking)}, som blir tomma "
                                "rutor på den utskrivna affischen",
                                "skriv texten utan dem (webbsidan visar dem som vanligt), eller skriv dem med ord"))
    return found


def warnings(opts: Options) -> list[str]:
    """The advice for a build with posters, as lines to print."""
    lines = Lines(opts.content_dir, opts.display_root or str(opts.content_dir))
    return [str(a) for a in advice(read_site(opts), lines)]
