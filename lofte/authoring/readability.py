"""How hard a Swedish text is to read: sentences, their length, and LIX.

LIX (läsbarhetsindex, Björnsson 1968) is the measure Swedish public bodies use:
words per sentence plus the percentage of words longer than six letters. Under 40
reads easily, 40–50 like a newspaper, over 50 like officialese. Texts here are
Markdown, so markup is dropped first, and each paragraph, list item and heading
ends a sentence even without a full stop (a list item is read on its own).
Every sentence keeps its offset in the source, so advice can name the line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A new block starts at a blank line, a list item, a heading or a quote.
BLOCK_START_RE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|(#{1,6})\s+|>\s*)")
# A sentence ends at . ! ? (and closing quotes) before a capital letter or digit.
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[\"”(]?[A-ZÅÄÖÉÜ0-9])")
IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG_RE = re.compile(r"<[^>]+>")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-.’'][^\W\d_]+)*|\d+(?:[.,:]\d+)*")  # "t.ex" is one word


@dataclass(frozen=True, slots=True)
class Sentence:
    offset: int  # of its first character in the source text
    text: str  # as a reader sees it, markup removed
    words: tuple[str, ...]


def plain(markdown: str) -> str:
    """The words a reader sees: images, link targets, tags and emphasis removed."""
    text = IMAGE_RE.sub(" ", markdown)
    text = LINK_RE.sub(r"\1", text)
    text = TAG_RE.sub(" ", text)
    return re.sub(r"[*_`]", "", text)


def _blocks(source: str):
    """(offset, text) of each paragraph, list item or heading; code and tables skipped."""
    start, parts, fenced, offset = 0, [], False, 0
    for line in source.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced, skip = not fenced, True
        else:
            skip = fenced or not stripped or stripped.startswith("|")
        marker = None if skip else BLOCK_START_RE.match(line)
        if (skip or marker) and parts:
            yield start, "".join(parts)
            parts = []
        if skip:
            continue
        if not parts:
            cut = marker.end() if marker else len(line) - len(line.lstrip())
            start, line = line_start + cut, line[cut:]
        parts.append(line)
        if marker and marker.group(1):  # a heading is one line
            yield start, "".join(parts)
            parts = []
    if parts:
        yield start, "".join(parts)


def sentences(source: str) -> list[Sentence]:
    """The sentences of a Markdown text, in order."""
    found = []
    for block_start, block in _blocks(source):
        pos = 0
        for end in [m.end() for m in SENTENCE_END_RE.finditer(block)] + [len(block)]:
            chunk = block[pos:end]
            text = " ".join(plain(chunk).split())
            words = tuple(WORD_RE.findall(text))
            if words:
                lead = len(chunk) - len(chunk.lstrip())
                found.append(Sentence(block_start + pos + lead, text, words))
            pos = end
    return found


def lix(found: list[Sentence]) -> float | None:
    """LIX of a text's sentences; None when there are no words."""
    words = [w for s in found for w in s.words]
    if not words:
        return None
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / len(found) + 100 * long_words / len(words)
