"""The build, top to bottom: load → validate → model → render → write.

Nothing is written before the whole model is valid; producers only read the
finished model. `Timings` records wall and CPU seconds per phase for bench/run.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import assets, catalogue, csvdata, feeds, headers, html, ical, opendata, parallel, sitemap
from .assemble import assemble_municipality, combine, read_settings
from .cache import ReadCache, code_version, fingerprint
from .derived import derive
from .errors import ErrorList
from .load import load_municipality, load_top
from .model import Site
from .outputs import BuildContext, OutputFile
from .write import MissingReuse, read_manifest, write_site


@dataclass
class Timings:
    phases: dict[str, tuple[float, float]] = field(default_factory=dict)  # name -> (wall, cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        w, c = self.phases.get(name, (0.0, 0.0))
        self.phases[name] = (w + wall, c + cpu)

    def total(self) -> tuple[float, float]:
        return (sum(w for w, _ in self.phases.values()), sum(c for _, c in self.phases.values()))

    def timed(self, name: str, items: Iterable):
        """Yield from `items`, adding the time spent producing them to phase `name`."""
        it = iter(items)
        while True:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                item = next(it)
            except StopIteration:
                self.add(name, time.perf_counter() - wall, time.process_time() - cpu)
                return
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)
            yield item

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
    in_place: bool = False  # dev server: replace changed files only (write.py)

    def cache_path(self) -> Path:
        return self.cache_dir or self.content_dir.resolve().parent / ".cache"


def build_date_from_env() -> dt.date:
    """The build date is an input: SOURCE_DATE_EPOCH if set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def read_site(opts: Options, timings: Timings | None = None) -> Site:
    """Load and validate; raises BuildAborted with every error found."""
    return read(opts, timings)[0]


def read(opts: Options, timings: Timings | None = None) -> tuple[Site, dict[str, str]]:
    """The site, and the fingerprint of each municipality's files.

    Municipalities are independent, so each is loaded and validated on its own,
    spread over the cores; the load/validate split of the wall time is
    apportioned from the workers' own clocks.
    """
    timings = timings or Timings()
    errors = ErrorList()
    display = opts.display_root or str(opts.content_dir)
    build_date = opts.build_date or build_date_from_env()
    wall, cpu = time.perf_counter(), time.process_time()
    site_doc, slugs = load_top(opts.content_dir, display, errors)
    settings = read_settings(site_doc, errors, build_date, opts.base_url)
    cache = ReadCache(opts.content_dir, opts.cache_path())
    prints = {slug: fingerprint(opts.content_dir, slug, display) for slug in slugs}
    results = {slug: cache.get(slug, prints[slug]) for slug in slugs}
    todo = [slug for slug in slugs if results[slug] is None]
    workers = parallel.jobs(opts.jobs) if len(todo) >= 32 else 1
    tasks = [(opts.content_dir, display, chunk) for chunk in parallel.chunks(todo, workers * 4)]
    spent = {"load": 0.0, "validate": 0.0}
    for found, seconds in parallel.map_ordered(_read_municipalities, tasks, workers):
        for slug, result in found:
            results[slug] = result
            cache.put(slug, prints[slug], result)
        for phase, t in seconds.items():
            spent[phase] += t
    for slug in slugs:
        errors.items.extend(results[slug][2])
    site = combine(settings, [(m, assets) for m, assets, _ in (results[s] for s in slugs)])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    total = sum(spent.values())
    for phase, t in spent.items():
        share = t / total if total else 0.5
        timings.add(phase, wall * share, cpu * share if workers == 1 else t)
    errors.raise_if_any()
    return site, prints


def _read_municipalities(task) -> tuple[list, dict[str, float]]:
    """Worker: load and validate some municipality folders."""
    root, display, slugs = task
    found, seconds = [], {"load": 0.0, "validate": 0.0}
    for slug in slugs:
        errors = ErrorList()
        t0 = time.process_time()
        files = load_municipality(root, display, slug, errors)
        t1 = time.process_time()
        municipality, assets = (assemble_municipality(files, root, errors) if files is not None
                                else (None, set()))
        seconds["load"] += t1 - t0
        seconds["validate"] += time.process_time() - t1
        found.append((slug, (municipality, assets, errors.items)))
    return found, seconds


def context(opts: Options, site: Site, prints: dict[str, str] | None = None) -> BuildContext:
    prints = prints or {}
    keys = {slug: f"{fp}\0{site.build_date}" for slug, fp in prints.items()}
    return BuildContext(site=site, facts=derive(site, keys), content_dir=opts.content_dir,
                        cache_dir=opts.cache_path(), jobs=opts.jobs or os.cpu_count() or 1,
                        inputs=inputs_fingerprint(opts, site), fingerprints=prints,
                        previous=read_manifest(opts.out_dir) if prints else {})


def inputs_fingerprint(opts: Options, site: Site) -> str:
    """What every page depends on: code, templates, messages, site.yaml, date and URL."""
    h = hashlib.sha256(f"{code_version()}\0{site.build_date}\0{site.base_url}\0{opts.posters}".encode())
    for path in sorted(html.TEMPLATES.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(html.TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes())
    h.update((opts.content_dir / "site.yaml").read_bytes())
    return h.hexdigest()


def render_all(opts: Options, ctx: BuildContext, timings: Timings) -> Iterator[OutputFile]:
    """Every output file, produced lazily so the writer can store each as it comes
    (the national site is ~300 MB of files; holding it all would double memory)."""
    made: list[OutputFile] = []  # paths only, for the sitemap

    def phase(name: str, files: Iterable[OutputFile]) -> Iterator[OutputFile]:
        for f in timings.timed(name, files):
            made.append(OutputFile(f.path, None))
            yield f

    yield from phase("render", html.produce(ctx))
    yield from phase("render", assets.produce(ctx))
    yield from phase("render", headers.produce(ctx))
    if opts.posters:
        from .posters import produce as posters  # Pillow work; skipped when not asked for
        yield from phase("posters", posters.produce(ctx, bleed=opts.bleed))
    for producer in (feeds, ical, opendata, csvdata, catalogue):
        yield from phase("feeds", producer.produce(ctx))
    yield from timings.timed("feeds", sitemap.produce(ctx.site, made))  # last: it lists the pages made


def build(opts: Options, timings: Timings | None = None) -> dict[str, int]:
    """Build the whole site into opts.out_dir; the old site survives any failure."""
    timings = timings or Timings()
    site, prints = read(opts, timings)
    ctx = context(opts, site, prints)
    try:
        return _write(opts, ctx, timings)
    except MissingReuse:  # a file was deleted from the output behind our back: make everything
        return _write(opts, dataclasses.replace(ctx, previous={}), timings)


def _write(opts: Options, ctx: BuildContext, timings: Timings) -> dict[str, int]:
    """Write while producing; the write phase is the time not spent in a producer."""
    before = timings.total()
    wall, cpu = time.perf_counter(), time.process_time()
    counts = write_site(render_all(opts, ctx, timings), opts.out_dir, in_place=opts.in_place)
    produced = timings.total()
    timings.add("write", time.perf_counter() - wall - (produced[0] - before[0]),
                time.process_time() - cpu - (produced[1] - before[1]))
    return counts
