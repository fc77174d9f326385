"""The producer protocol: how an output tells the engine what it reads and what it makes.

Every output (pages, feeds, calendars, open data, posters …) is one declaration
in its own module, and the engine (lofte/build/pipeline.py) calls them all the
same way. An output never computes a reuse key: it says what its files are made
from, and the engine derives the key from that (lofte/build/reuse.py), so a new
output cannot forget one or get one wrong.

- `MunicipalityOutput`: files made from one municipality's folder (plus what
  every file reads: code, templates, site.yaml, the build date and URL). The
  engine calls `paths(site, m)` to list them cheaply; when every listed file is in
  the output already, made from the same inputs, `make` is not called at all.
  `make(ctx, m)` returns the files, lazily if it likes, and optionally a part:
  a value for the site-wide files that show every municipality. Parts of
  several municipalities `combine` into one; `site_files(ctx, part)` turns the
  combined part into files (the site feed, the site JSON and CSV). Runs in
  worker processes, so it may only read `ctx` and `m`, and the declaration
  itself is sent to them: its functions must be module-level (no lambdas).
  `more(path)` names files an output may make beside a listed one that only
  making can tell (a poster's later pages); they are kept with the listed ones.
- `SiteOutput`: files made once for the whole site, reading either every
  municipality (`reads="site"`) or only site.yaml and code (`reads="settings"`).
  Without `paths` the files are made on every build (the writer still keeps a
  file whose bytes did not change).

Producers only read the finished model and the derived facts; the writer
(lofte/build/write.py) decides what reaches the disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Literal

from lofte.content.derived import Facts
from lofte.content.model import Municipality, Site


@dataclass(frozen=True, slots=True)
class OutputFile:
    path: str  # relative to the site root, "/" separators, e.g. "koping/2024/index.html"
    data: bytes | None  # None: keep the previous build's file (its key matched)
    key: str = ""  # the engine's key of everything the file was made from ("" if not tracked)


@dataclass(frozen=True)
class BuildContext:
    """What producers may read. Plain data: it is passed to worker processes."""
    site: Site
    facts: Facts
    content_dir: Path  # for assets such as logos and images
    cache_dir: Path | None = None  # the build's cache folder (e.g. vendored editor files), None: none
    templates: tuple[str, ...] | None = None  # the template folders, a site's own first (templatefiles.search_path)
    inputs: str = ""  # fingerprint of code, templates, site.yaml, date and URL: names the templates' state
    store: Any = None  # the engine's store of files by content key (lofte/build/reuse.Store), or None
    live: bool = False  # the dev server: a template may change between two builds in this process
    bleed: bool = False  # posters with 3 mm bleed for a printer


@dataclass(frozen=True)
class Made:
    """What `MunicipalityOutput.make` returns: files (an iterable, lazy or not) and a part."""
    files: Iterable[OutputFile]
    part: Any = None


@dataclass(frozen=True)
class MunicipalityOutput:
    name: str
    paths: Callable[[Site, Municipality], list[str]]
    make: Callable[[BuildContext, Municipality], Made]
    combine: Callable[[list], Any] | None = None  # parts of several municipalities as one
    site_files: Callable[[BuildContext, Any], Iterable[OutputFile]] | None = None
    # Files an output may make beyond a listed one, known only once made (a poster's
    # later pages): candidates in order; the engine keeps those the previous build made.
    more: Callable[[str], list[str]] | None = None


@dataclass(frozen=True)
class SiteOutput:
    name: str
    reads: Literal["site", "settings"]
    make: Callable[[BuildContext], Iterable[OutputFile]]
    paths: Callable[[Site], list[str]] | None = None  # listed: reused while what it reads is unchanged
