"""Render one job to bytes, and the cache key of a job.

`render` is what worker processes run, so a job holds only plain data (the
records from data.py), which pickles cheaply.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import PIL

from . import encode, fonts, poster, share
from .data import PosterData, ShareData
from .paper import PAPERS, Sheet

SHARE_DPI = 72
THUMBNAIL_WIDTH = 240  # px: twice the period page's 105 CSS px, sharp on phone screens


@dataclass(frozen=True, slots=True)
class Job:
    data: PosterData | ShareData
    paper: str = ""  # "a3" | "a4" for a poster, "" for a share image
    bleed: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The files every render of the job makes; a poster of n pages adds "png-2" … "png-n"."""
        return ("png", "pdf", "thumb") if self.paper else ("png",)


def page_name(page: int) -> str:
    """The file name of a poster page's PNG: "png", "png-2", "png-3" …"""
    return "png" if page == 1 else f"png-{page}"


def page_number(name: str) -> int | None:
    """The page a file name holds (1 for "png"), None for the PDF."""
    return 1 if name == "png" else int(name[4:]) if name.startswith("png-") else None


def render(job: Job) -> dict[str, bytes]:
    """The job's files by name: "png" and, for posters, "pdf", "thumb" (the first page small)
    and the PNGs of later pages."""
    if not job.paper:
        return {"png": encode.png(share.draw(job.data).image, SHARE_DPI)}
    sheet = Sheet(PAPERS[job.paper], job.bleed)
    pngs, thumb = [], b""
    for canvas in poster.pages(job.data, sheet):
        thumb = thumb or encode.thumbnail(canvas.image, THUMBNAIL_WIDTH)
        pngs.append(encode.png(canvas.image))
        del canvas  # one page's 17 MB of pixels at a time
    files = {page_name(n): png for n, png in enumerate(pngs, start=1)}
    files["thumb"] = thumb
    files["pdf"] = encode.pdf(pngs, sheet, f"{job.data.document_title} ({job.paper.upper()})")
    return files


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """This package's source, the font and the libraries that shape the bytes."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update(fonts.fingerprint().encode())
    h.update(f"{PIL.__version__} {zlib.ZLIB_RUNTIME_VERSION}".encode())
    return h.hexdigest()


def _plain(value):
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest()}
    raise TypeError(f"cannot key {type(value).__name__}")


def key(job: Job) -> str:
    record = {"kind": type(job.data).__name__, "job": dataclasses.asdict(job), "code": code_fingerprint()}
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=_plain)
    return hashlib.sha256(text.encode()).hexdigest()
