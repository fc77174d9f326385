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
from typing import Callable, Iterable

from lofte.content.assemble import assemble_municipality, combine, read_settings
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load_municipality, load_top
from lofte.content.model import Site
from lofte.outputs import (admin, assets, dcat, feeds, hostfiles, ical, opendata, opendata_csv, pages, sitemap,
                           templatefiles)
from lofte.outputs.protocol import BuildContext

from . import parallel, reuse
from .reuse import ReadCache, code_version, fingerprint
from .write import MissingReuse, Output, read_manifest, writing


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
    # Dev server: the files it saw change since this process last built (None: unknown).
    # Municipalities without a changed file keep the fingerprint of that build.
    changed: frozenset[Path] | None = None

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


def read(opts: Options, timings: Timings | None = None,
         meanwhile: Callable[[Site], object] | None = None) -> tuple[Site, dict[str, str]]:
    """The site, and the fingerprint of each municipality's files.

    Municipalities are independent, so each is loaded and validated on its own,
    spread over the cores; the load/validate split of the wall time is
    apportioned from the workers' own clocks. While workers read, this process
    runs `meanwhile` with the site's settings (if they are valid).
    """
    timings = timings or Timings()
    errors = ErrorList()
    display = opts.display_root or str(opts.content_dir)
    build_date = opts.build_date or build_date_from_env()
    wall, cpu = time.perf_counter(), time.process_time()
    site_doc, slugs = load_top(opts.content_dir, display, errors)
    settings = read_settings(site_doc, errors, build_date, opts.base_url)
    reads = ReadCache(opts.content_dir, opts.cache_path())
    touched = _touched(opts)
    # A folder with nothing cached is fingerprinted by the worker that reads it (a cold
    # build fingerprints on every core); the others here, to compare with the cache.
    prints = {slug: (touched is not None and slug not in touched and reads.known_fingerprint(slug))
              or (fingerprint(opts.content_dir, slug, display) if reads.has(slug) else "") for slug in slugs}
    results = {slug: reads.get(slug, fp) if fp else None for slug, fp in prints.items()}
    todo = [slug for slug in slugs if results[slug] is None]
    for slug in todo:
        reads.forget(slug)
    workers = parallel.jobs(opts.jobs) if len(todo) >= 32 else 1
    tasks = [(opts.content_dir, display, reads, [(slug, prints[slug]) for slug in chunk])
             for chunk in parallel.chunks(todo, workers * 8)]
    spent = {"load": 0.0, "validate": 0.0}
    prepare = (lambda: meanwhile(settings)) if meanwhile is not None and settings is not None else None
    for found, seconds in parallel.map_ordered(_read_municipalities, tasks, workers, prepare):
        for slug, stored in found:
            prints[slug], results[slug] = reads.remember(slug, stored)
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


def _touched(opts: Options) -> set[str] | None:
    """Top-level content folders with a changed file, when the caller knows (opts.changed)."""
    if opts.changed is None:
        return None
    root = os.path.realpath(opts.content_dir)  # the watcher reports resolved paths
    return {os.path.relpath(os.path.realpath(p), root).split(os.sep)[0] for p in opts.changed}


def _read_municipalities(task) -> tuple[list, dict[str, float]]:
    """Worker: load and validate some municipality folders, and store each result
    in the read cache; the parent gets the stored bytes (pickled once, here)."""
    root, display, reads, todo = task
    found, seconds = [], {"load": 0.0, "validate": 0.0}
    for slug, fp in todo:
        fp = fp or fingerprint(root, slug, display)  # before reading: a later edit changes it
        errors = ErrorList()
        t0 = time.process_time()
        files = load_municipality(root, display, slug, errors)
        t1 = time.process_time()
        municipality, assets = (assemble_municipality(files, root, errors) if files is not None
                                else (None, set()))
        seconds["load"] += t1 - t0
        seconds["validate"] += time.process_time() - t1
        found.append((slug, reads.store(slug, fp, (municipality, assets, errors.items))))
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
    for rel, path in templatefiles.files(templatefiles.search_path(opts.content_dir)).items():
        h.update(rel.encode() + b"\0" + path.read_bytes())
    h.update((opts.content_dir / "site.yaml").read_bytes())
    return h.hexdigest()


# What each municipality's folder becomes, by phase: made for one municipality at
# a time, in worker processes. `for_municipality(ctx, m, part)` returns the files
# and a part for the site-wide files; `part` is the previous build's when the dev
# server kept it. Parts of several municipalities `combine` into one, which
# `for_site` turns into the site-wide files.
MUNICIPALITY_PRODUCERS = (("render", "html", pages), ("feeds", "feeds", feeds), ("feeds", "ical", ical),
                          ("feeds", "opendata", opendata), ("feeds", "csvdata", opendata_csv))
PARTS = {"feeds": feeds, "opendata": opendata, "csvdata": opendata_csv}  # producers with a site-wide part


def produce(opts: Options, ctx: BuildContext, out: Output, timings: Timings) -> None:
    """Make every output file into `out`: each municipality's on every core, then the site-wide ones."""
    parts = make_municipalities(ctx, out, timings)
    site_wide = [("render", pages.for_site(ctx)), ("render", assets.produce(ctx)),
                 ("render", hostfiles.produce(ctx)), ("render", admin.produce(ctx))]
    # The site-wide feed, JSON and CSV before the posters: their parts (~35 MB at
    # national scale) are then freed instead of held through two minutes of posters.
    site_wide += [("feeds", producer.for_site(ctx, parts.pop(name))) for name, producer in PARTS.items()]
    site_wide.append(("feeds", dcat.produce(ctx)))
    if opts.posters:
        from lofte.outputs.posters import produce as posters  # Pillow work; skipped when not asked for
        site_wide.append(("posters", posters.produce(ctx, bleed=opts.bleed)))
    while site_wide:
        phase, files = site_wide.pop(0)  # dropped once written, with what it holds
        for f in timings.timed(phase, files):
            with timings.phase("write"):
                out.put(f)
        del files
    for f in timings.timed("feeds", sitemap.produce(ctx.site, list(out.keys))):  # last: it lists every page
        out.put(f)


_job: tuple[BuildContext, Output, list[dict]] | None = None  # inherited by forked workers, not pickled
RECORDS = "records"  # the dev server also remembers each municipality's (path, key) of every file it made


def _untouched(ctx: BuildContext, out: Output, known: dict) -> bool:
    """Dev server: every part of this municipality is remembered for its current key,
    and the output it writes in place still holds every file it made, by the same
    keys: nothing to make or store. (A staged build must still link each file into
    the new tree; a file deleted by hand is made again.)"""
    made = known.get(RECORDS)
    return (out.in_place and made is not None and None not in known.values()
            and all(ctx.previous.get(path) == key and os.path.isfile(os.path.join(out.root, path))
                    for path, key in made))


def make_municipalities(ctx: BuildContext, out: Output, timings: Timings) -> dict[str, object]:
    """Every municipality's files, stored by the workers themselves; returns the
    combined part of every municipality for each site-wide producer.

    The wall time is apportioned to phases from the workers' own clocks.
    """
    global _job
    municipalities = ctx.site.municipalities
    keys = [ctx.scope_key(m.slug) for m in municipalities]
    known = [{name: reuse.remembered(name, m.slug, key) for name in (*PARTS, RECORDS)}
             for m, key in zip(municipalities, keys)]
    todo = len(municipalities) if not ctx.previous else sum(1 for k in known if None in k.values())
    workers = parallel.jobs(ctx.jobs) if todo >= 16 else 1
    wall, cpu = time.perf_counter(), time.process_time()
    if workers > 1:
        pages.compile_templates(ctx.site.languages, ctx.inputs,  # once, shared with the forked workers
                                templatefiles.search_path(ctx.content_dir))
    combined: dict[str, list] = {name: [] for name in PARTS}
    spent: dict[str, float] = {}
    _job = (ctx, out, known)
    try:
        slices = parallel.chunks(range(len(municipalities)), workers * 8)
        for records, kept, slice_parts, seconds in parallel.map_ordered(_make_slice, slices, workers):
            for record in records:
                out.add(*record)
            for i, m_parts in kept:
                for name, value in m_parts.items():
                    reuse.remember(name, municipalities[i].slug, keys[i], value)
            for name, part in slice_parts.items():
                combined[name].append(part)
            for phase, t in seconds.items():
                spent[phase] = spent.get(phase, 0.0) + t
    finally:
        _job = None
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    total = sum(spent.values())
    for phase, t in spent.items():
        share = t / total if total else 0.0
        timings.add(phase, wall * share, cpu * share if workers == 1 else t)
    return {name: PARTS[name].combine(combined.pop(name)) for name in PARTS}


def _make_slice(indexes: range):
    """Worker: make and store the files of some municipalities.

    Returns the records for the manifest, each municipality's parts if the dev
    server keeps them (else none: holding them all would cost memory), the
    slice's combined parts, and CPU seconds by phase.
    """
    ctx, out, known = _job
    records: list[tuple[str, str, bool]] = []
    made: list[tuple[int, dict]] = []
    seconds = {"render": 0.0, "feeds": 0.0, "write": 0.0}
    clock = time.process_time
    for i in indexes:
        if _untouched(ctx, out, known[i]):
            records.extend((path, key, False) for path, key in known[i][RECORDS])
            made.append((i, known[i]))
            continue
        m = ctx.site.municipalities[i]
        m_parts, m_records = {}, []
        for phase, name, producer in MUNICIPALITY_PRODUCERS:
            t = clock()
            files, part = producer.for_municipality(ctx, m, known[i].get(name))
            for f in files:  # lazy for pages: each is rendered here
                t1 = clock()
                written = out.store(f)
                t2 = clock()
                seconds[phase] += t1 - t
                seconds["write"] += t2 - t1
                m_records.append((f.path, f.key))
                records.append((f.path, f.key, written))
                t = t2
            if name in PARTS:
                m_parts[name] = part
            seconds[phase] += clock() - t
        m_parts[RECORDS] = m_records
        made.append((i, m_parts))
    slice_parts = {name: producer.combine([p[name] for _, p in made]) for name, producer in PARTS.items()}
    return records, made if reuse.keeping() else [], slice_parts, seconds


def build(opts: Options, timings: Timings | None = None) -> dict[str, int]:
    """Build the whole site into opts.out_dir; the old site survives any failure."""
    timings = timings or Timings()
    site, prints = read(opts, timings, meanwhile=lambda settings: pages.compile_templates(
        settings.languages, inputs_fingerprint(opts, settings), templatefiles.search_path(opts.content_dir)))
    ctx = context(opts, site, prints)
    try:
        return _write(opts, ctx, timings)
    except MissingReuse:  # a file was deleted from the output behind our back: make everything
        return _write(opts, dataclasses.replace(ctx, previous={}), timings)


def _write(opts: Options, ctx: BuildContext, timings: Timings) -> dict[str, int]:
    with writing(opts.out_dir, in_place=opts.in_place) as out:
        produce(opts, ctx, out, timings)
    return out.counts
