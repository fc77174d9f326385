"""Characters the poster typeface cannot draw: a warning instead of empty boxes on paper.

The web pages use the reader's own fonts, which draw emoji, Arabic or Chinese;
the posters are drawn with one typeface (Atkinson Hyperlegible, Latin only), and
a character it lacks prints as an empty box ("tofu") that nobody sees until the
poster is on the wall. So every text a poster or share image shows is checked
against the font file, and `check` and a build with posters name the file,
line and field of each text with such characters. The text itself is valid: a
warning, never an error.

Coverage comes from the font's own character map (posters/fonts.py), the same
the poster renderer uses to replace what it cannot draw.
"""
from __future__ import annotations

import unicodedata

from lofte.build.pipeline import Options, read_site
from lofte.content.model import Site
from lofte.outputs.posters import fonts

from .advice import Advice, Lines


def missing(text: str) -> str:
    """The characters of `text` the typeface cannot draw (fonts.can_draw), each once, in order."""
    if text.isascii():
        return ""
    return "".join(dict.fromkeys(c for c in unicodedata.normalize("NFC", text)
                                 if not c.isascii() and not fonts.can_draw(c)))


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
        lacking = missing(text) if isinstance(text, str) else ""  # `okänt` prints a fixed sentence
        if lacking:
            field = ".".join(str(k) for k in keys if not isinstance(k, int))
            found.append(lines.advice(rel, lines.key(rel, *keys), "tecken-affisch",
                                f"{field}: affischens typsnitt saknar tecknen {' '.join(lacking)}; på affischen "
                                "står ”[tecken som inte kan skrivas ut]” i stället",
                                "skriv texten utan dem (webbsidan visar dem som vanligt), eller skriv dem med ord"))
    return found


def warnings(opts: Options) -> list[str]:
    """The advice for a build with posters, as lines to print."""
    lines = Lines(opts.content_dir, opts.display_root or str(opts.content_dir))
    return [str(a) for a in advice(read_site(opts), lines)]
