"""Text layout: wrap by measured width, fit into a box, shorten gracefully.

Lines break at spaces, and after a slash or a hyphen already in the text (so
addresses and "Cederby-Långträsk" can break); no hyphen is ever added. A dash
or middle dot standing alone between words is kept with the word before it,
so no line starts with "–" or "·". A word wider than the whole column is broken between letters
as a last resort rather than drawn past the edge. Groups of digits ("114 14")
stay on one line. Titles and other short blocks can be balanced: the same
lines, but as even as they can be. When text still does not fit
at the smallest allowed size, the last line ends in "…": the full text is on
the website the poster points to.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from PIL import ImageFont

from . import fonts

ELLIPSIS = "…"
NBSP = "\u00a0"
# Break opportunities inside a word: after "/" (addresses) and after a hyphen between
# letters ("Cederby-Långträsk"), never inside numbers ("0123-456 78", "2025–2026").
_INNER_BREAK = re.compile(r"(?<=/)(?=[^/])|(?<=[^\W\d_]-)(?=[^\W\d_])")
_LONE_DASH = re.compile(r" ([–—·])(?= |$)")  # a dash or a middle dot between words
_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d)")  # "0123-456 78", "114 14", "1 000"


@dataclass(frozen=True, slots=True)
class Block:
    """Lines of one text, set in one face and size."""
    lines: tuple[str, ...]
    weight: str
    size: int  # pixels per em
    leading: int  # pixels from one baseline to the next
    truncated: bool

    @property
    def height(self) -> int:
        return self.leading * len(self.lines)

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return fonts.font(self.weight, self.size)


def normalise(text: str) -> str:
    """One line of plain text: whitespace collapsed; lone dashes and digit groups kept together."""
    text = " ".join(text.split())
    return _DIGIT_GROUPS.sub(NBSP, _LONE_DASH.sub(NBSP + r"\1", text))


@functools.lru_cache(maxsize=1024)
def _pieces(text: str) -> tuple[tuple[str, str], ...]:
    """(separator, piece) pairs; a line may break before any piece."""
    out = []
    for word in normalise(text).split(" "):
        for i, part in enumerate(_INNER_BREAK.split(word)):
            out.append((" " if i == 0 else "", part))
    return tuple(out)


@functools.lru_cache(maxsize=8192)  # about a poster's worth: a worker's memory stays flat
def length(weight: str, size: int, text: str) -> float:
    """The advance width of a text: measured once (shaping costs ~20 µs a call, and
    planning a poster measures the same words at the same size again and again)."""
    return fonts.font(weight, size).getlength(text)


def _split_long(piece: str, weight: str, size: int, width: float) -> list[str]:
    """A piece broken between letters where it is wider than `width`; whole if it fits."""
    if length(weight, size, piece) <= width:
        return [piece]
    chunks, current = [], ""
    for ch in piece:
        if current and length(weight, size, current + ch) > width:
            chunks.append(current)
            current = ""
        current += ch
    return chunks + [current]


@functools.lru_cache(maxsize=8192)
def wrap(text: str, weight: str, size: int, width: float, first_width: float | None = None) -> tuple[str, ...]:
    """Greedy line breaking by measured width; `first_width` narrows the first line.

    Cached: planning a poster tries the same text at the same size many times.
    """
    lines: list[str] = []
    line = ""
    limit = width if first_width is None else first_width
    for sep, piece in _pieces(text):
        candidate = line + sep + piece if line else piece
        if length(weight, size, candidate) <= limit:
            line = candidate
            continue
        if line:
            lines.append(line)
            limit = width
        *full, line = _split_long(piece, weight, size, limit)
        lines.extend(full)
    if line or not lines:
        lines.append(line)
    return tuple(lines)


def ellipsize(text: str, weight: str, size: int, width: float, force: bool = False) -> str:
    """The text, or as much of it as fits followed by "…" (always "…" when forced)."""
    text = normalise(text)
    if not force and length(weight, size, text) <= width:
        return text
    pieces = list(_pieces(text))
    while pieces:
        head = "".join(sep + p for sep, p in pieces).lstrip(" ").rstrip(" ,.;:-–/" + NBSP)
        if length(weight, size, head + ELLIPSIS) <= width:
            return head + ELLIPSIS
        if len(pieces) == 1:
            chunk = _split_long(head, weight, size, width - length(weight, size, ELLIPSIS))[0]
            return chunk + ELLIPSIS
        pieces.pop()
    return ELLIPSIS


def sizes(largest: int, smallest: int) -> tuple[int, ...]:
    """Candidate sizes from largest to smallest, in steps of about 4 %."""
    out, size = [], largest
    while size > smallest:
        out.append(size)
        size = min(size - 1, round(size * 0.96))
    return tuple(out) + (smallest,)


def balance(text: str, weight: str, size: int, width: float, first_width: float | None = None) -> tuple[str, ...]:
    """The text wrapped into as few lines as at `width`, but as even as they can be.

    The narrowest measure that still gives that many lines, found by bisection:
    no lone word on a last line ("… och Köpings kommun: / pågår"), and a title
    reads as a shape rather than a full line and a scrap.
    """
    lines = wrap(text, weight, size, width, first_width)
    shift = 0 if first_width is None else width - first_width
    widest = max(length(weight, size, piece) for _, piece in _pieces(text)) + shift
    if len(lines) < 2 or widest > width:
        return lines
    # Never so narrow that a word would have to be broken between letters.
    low, high = max(int(width * (len(lines) - 1) / len(lines)), math.ceil(widest) - 1), int(width)
    while high - low > 1:
        middle = (low + high) // 2
        if len(wrap(text, weight, size, middle, None if first_width is None else middle - shift)) == len(lines):
            high = middle
        else:
            low = middle
    return wrap(text, weight, size, high, None if first_width is None else high - shift)


def fit(text: str, weight: str, width: float, max_lines: int, candidates: tuple[int, ...],
        leading: float = 1.2, first_width: float | None = None, even: bool = False) -> Block:
    """The largest candidate size at which the text fits in `max_lines`, else the smallest, shortened.

    With `even`, text that fits is balanced over its lines (`balance`).
    """
    for size in candidates:
        lines = wrap(text, weight, size, width, first_width)
        if len(lines) <= max_lines:
            if even:
                lines = balance(text, weight, size, width, first_width)
            return Block(lines, weight, size, round(size * leading), False)
    size = candidates[-1]
    lines = list(wrap(text, weight, size, width, first_width))
    kept = lines[:max_lines]
    last_width = first_width if max_lines == 1 and first_width is not None else width
    kept[-1] = ellipsize(kept[-1] + " " + lines[max_lines], weight, size, last_width, force=True)
    return Block(tuple(kept), weight, size, round(size * leading), True)
