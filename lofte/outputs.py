"""What output producers hand to the writer, and what they get to read.

Every producer (HTML pages, posters, feeds, open data) is a function
`produce(ctx: BuildContext) -> Iterable[OutputFile]`. Producers only read the
finished model and the derived facts; the writer (write.py) decides what
reaches the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .derived import Facts
from .model import Site


@dataclass(frozen=True, slots=True)
class OutputFile:
    path: str  # relative to the site root, "/" separators, e.g. "koping/2024/index.html"
    data: bytes


@dataclass(frozen=True)
class BuildContext:
    site: Site
    facts: Facts
    content_dir: Path  # for assets such as logos and images
    cache_dir: Path  # producers may keep caches keyed on their inputs here
    jobs: int  # worker processes a producer may use
