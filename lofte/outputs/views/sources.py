"""Sources as residents read them: each document's title, linked, its date, and what the editor noted."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lofte.content.model import Source


@dataclass(frozen=True, slots=True)
class SourceView:
    title: str
    url: str
    reference: str  # a diarienummer or the like; never a file name
    note: str  # e.g. where it disagrees with another source
    date: dt.date | None = None


FILE_NAME = re.compile(r"^[\w.-]+\.(txt|pdf|docx?|html?|odt|rtf|md)$", re.I)


def source(src: Source | None) -> SourceView | None:
    """A source as residents read it: the document's title, linked; a file name is for editors only."""
    if src is None:
        return None
    refs = [r.strip() for r in src.document.split(",") if r.strip() and not FILE_NAME.match(r.strip())]
    return SourceView(src.title, src.url, ", ".join(refs), src.note, src.date)


def sources(found: tuple[Source, ...]) -> tuple[SourceView, ...]:
    """Every source of a page, in the order content gives them (a short list where there are several)."""
    return tuple(source(s) for s in found)
