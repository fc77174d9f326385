"""What output producers hand to the writer, and what they get to read.

Every producer (HTML pages, posters, feeds, open data) is a function
`produce(ctx: BuildContext) -> Iterable[OutputFile]`. Producers only read the
finished model and the derived facts; the writer (write.py) decides what
reaches the disk.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from lofte.content.derived import Facts
from lofte.content.model import Site


@dataclass(frozen=True, slots=True)
class OutputFile:
    path: str  # relative to the site root, "/" separators, e.g. "koping/2024/index.html"
    data: bytes | None  # None: keep the previous build's file (its key matched)
    key: str = ""  # fingerprint of everything the file was made from ("" if not tracked)


@dataclass(frozen=True)
class BuildContext:
    site: Site
    facts: Facts
    content_dir: Path  # for assets such as logos and images
    cache_dir: Path  # producers may keep caches keyed on their inputs here
    jobs: int  # worker processes a producer may use
    # For work not repeated (see cache.py): what each output depends on.
    inputs: str = ""  # fingerprint of what every page depends on (code, templates, site.yaml, date, URL)
    fingerprints: dict[str, str] = field(default_factory=dict)  # municipality slug -> its files
    previous: dict[str, str] = field(default_factory=dict)  # output path -> key, in the current site

    def scope_key(self, slug: str | None = None) -> str:
        """Key of outputs made from one municipality (slug) or from all of them (None).

        "" when the inputs are unknown (nothing is then reused)."""
        if not self.fingerprints:
            return ""
        scope = (self.fingerprints.get(slug, "") if slug is not None
                 else "".join(v for _, v in sorted(self.fingerprints.items())))
        return hashlib.sha256(f"{self.inputs}\0{slug}\0{scope}".encode()).hexdigest()

    def reusable(self, path: str, key: str) -> bool:
        """Is the file already in the output, made from exactly these inputs?"""
        return bool(key) and self.previous.get(path) == key
