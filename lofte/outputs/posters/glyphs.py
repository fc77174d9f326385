"""Text made printable in the poster face: nothing drawn as an empty box or over a neighbour.

Content is untrusted and may hold what the face cannot print: emoji, Arabic or
Chinese in a Swedish field, or letters under dozens of stacked combining marks
("Zalgo" text) whose marks would be drawn over the lines above and below.
`clean` turns any text into one the face prints whole:

- NFC first, so "e" + U+0301 is the é the face has; a letter the face lacks
  but can build from a letter and a mark it has (İ = I + U+0307) is built;
- at most MAX_MARKS combining marks on a letter, and only marks the face has
  (a letter without its accent still reads; a box or a smear does not);
- a run of characters the face lacks (spaces between them included) becomes
  one visible marker, e.g. "[tecken som inte kan skrivas ut]", so a reader
  knows something is missing, and the full text is on the website;
- invisible format characters (joiners, bidi controls, soft hyphens) go.

Content validation can warn about the same text with `fonts.can_draw`.
"""
from __future__ import annotations

import functools
import unicodedata

from . import fonts

MAX_MARKS = 2  # Vietnamese needs two on one letter; nothing in Swedish needs more


@functools.lru_cache(maxsize=1)
def _plain() -> frozenset[str]:
    """Characters that print as they are: in the face, and not combining marks."""
    have = fonts.coverage("regular") & fonts.coverage("bold")
    return frozenset(chr(cp) for cp in have if not unicodedata.category(chr(cp)).startswith("M"))


def clean(text: str, marker: str) -> str:
    """`text` as the poster face prints it; `marker` stands in for each run it cannot."""
    text = unicodedata.normalize("NFC", text)
    if set(text) <= _plain():  # nearly all content: nothing to do
        return text
    have = fonts.coverage("regular") & fonts.coverage("bold")
    out: list[str] = []
    marks = 0
    in_run = False  # the output ends with a marker, perhaps followed by spaces
    for ch in _decomposed(text, have):
        kind = unicodedata.category(ch)
        if kind.startswith("M"):
            if ord(ch) in have and marks < MAX_MARKS and out and not in_run:
                out.append(ch)
                marks += 1
            continue
        marks = 0
        if kind in ("Cf", "Cc") and not ch.isspace():
            continue
        if ch.isspace() or ord(ch) in have:
            in_run = in_run and ch.isspace()
            out.append(ch)
            continue
        if in_run:
            while out and out[-1].isspace():
                out.pop()
        else:
            out.append(marker)
            in_run = True
    return "".join(out)


def _decomposed(text: str, have: frozenset[int]):
    """The characters of `text`, each the face lacks replaced by its decomposition
    (canonical, then compatibility: "ﬁ" → "fi") where the face has all of that."""
    for ch in text:
        parts = None if ord(ch) in have else fonts.buildable(ch, have)
        if parts:
            yield from parts
        else:
            yield ch
