"""The build, top to bottom: load → validate → model → render → write.

Nothing is written before the whole model is valid; producers only read the
finished model. `Timings` records wall and CPU seconds per phase for bench/run.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import assets, catalogue, csvdata, feeds, html, ical, opendata, sitemap
from .assemble import assemble
from .derived import derive
from .errors import ErrorList
from .load import load
from .model import Site
from .outputs import BuildContext, OutputFile
from .write import write_site


@dataclass
class Timings:
    phases: dict[str, tuple[float, float]] = field(default_factory=dict)  # name -> (wall, cpu)

    @contextmanager
    def phase(self, name: str):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            w, c = self.phases.get(name, (0.0, 0.0))
            self.phases[name] = (w + time.perf_counter() - wall, c + time.process_time() - cpu)


@dataclass(frozen=True)
class Options:
    content_dir: Path
    out_dir: Path
    base_url: str | None = None
    build_date: dt.date | None = None
    posters: bool = True
    bleed: bool = False
    jobs: int = 0  # 0: one per core
    cache_dir: Path | None = None
    display_root: str | None = None  # how the content dir is named in messages


def build_date_from_env() -> dt.date:
    """The build date is an input: SOURCE_DATE_EPOCH if set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def read_site(opts: Options, timings: Timings | None = None) -> Site:
    """Load and validate; raises BuildAborted with every error found."""
    timings = timings or Timings()
    errors = ErrorList()
    display = opts.display_root or str(opts.content_dir)
    with timings.phase("load"):
        tree = load(opts.content_dir, display, errors)
    with timings.phase("validate"):
        site = assemble(tree, errors, opts.build_date or build_date_from_env(), opts.base_url)
        errors.raise_if_any()
    return site


def context(opts: Options, site: Site) -> BuildContext:
    cache = opts.cache_dir or opts.content_dir.resolve().parent / ".cache"
    return BuildContext(site=site, facts=derive(site), content_dir=opts.content_dir,
                        cache_dir=cache, jobs=opts.jobs or os.cpu_count() or 1)


def render_all(opts: Options, ctx: BuildContext, timings: Timings) -> list[OutputFile]:
    files: list[OutputFile] = []
    with timings.phase("render"):
        files.extend(html.produce(ctx))
        files.extend(assets.produce(ctx))
    if opts.posters:
        from .posters import produce as posters  # Pillow work; skipped when not asked for
        with timings.phase("posters"):
            files.extend(posters.produce(ctx, bleed=opts.bleed))
    with timings.phase("feeds"):
        for producer in (feeds, ical, opendata, csvdata, catalogue):
            files.extend(producer.produce(ctx))
        files.extend(sitemap.produce(ctx.site, files))  # last: it lists the pages the others made
    return files


def build(opts: Options, timings: Timings | None = None) -> dict[str, int]:
    """Build the whole site into opts.out_dir; the old site survives any failure."""
    timings = timings or Timings()
    site = read_site(opts, timings)
    ctx = context(opts, site)
    files = render_all(opts, ctx, timings)
    with timings.phase("write"):
        counts = write_site(files, opts.out_dir)
    return counts
