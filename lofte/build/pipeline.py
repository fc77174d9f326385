"""The build, top to bottom: load → validate → derive → render → write.

Nothing is written before the whole model is valid; outputs only read the
finished model and the derived facts. What each output reads is declared in
its module (lofte/outputs/protocol.py); what is reused, and under which key,
is decided here and in reuse.py; how files reach the disk, in write.py.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

from lofte.content.derived import derive, derive_municipality
from lofte.content.errors import LofteError
from lofte.content.model import Site
from lofte.outputs import (admin, assets, dcat, feeds, hostfiles, ical, opendata_files, pages, sitemap,
                           templatefiles, templating)
from lofte.outputs.protocol import BuildContext, OutputFile

from . import parallel
from .make import Job, make_municipalities
from .read import read
from .reuse import Keys, Memory, Store, inputs_fingerprint
from .write import MissingReuse, Output, check_target, output_lock, read_manifest, recover, writing

MUNICIPALITY_OUTPUTS = (pages.MUNICIPALITY, feeds.OUTPUT, ical.OUTPUT, opendata_files.OUTPUT)
SITE_OUTPUTS = (pages.SITE, pages.FIXED, assets.OUTPUT, hostfiles.OUTPUT, dcat.OUTPUT, admin.OUTPUT)


@dataclass(frozen=True)
class Options:
    content_dir: Path
    out_dir: Path
    base_url: str | None = None
    build_date: dt.date | None = None
    posters: bool = True
    bleed: bool = False
    jobs: int = 0  # 0: one per core
    cache_dir: Path | None = None  # default: .cache beside the content folder
    display_root: str | None = None  # how the content dir is named in messages
    in_place: bool = False  # dev server: replace changed files only (write.py)
    changed: frozenset[Path] | None = None  # dev server: files seen changing since its last build (None: unknown)
    templates: tuple[str, ...] | None = None  # template folders; default: the site's own, then the packaged
    start_method: str | None = None  # of worker processes (parallel.start_method)

    def cache_path(self) -> Path:
        return self.cache_dir or self.content_dir.resolve().parent / ".cache"

    def templates_path(self) -> tuple[str, ...]:  # searched in order (templatefiles.search_path)
        return self.templates or templatefiles.search_path(self.content_dir)


def build_date_from_env() -> dt.date:
    """The build date is an input: SOURCE_DATE_EPOCH if set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.date()


def read_site(opts: Options, memory: Memory | None = None) -> Site:
    """Load and validate; raises BuildAborted with every error found."""
    return read_content(opts, memory or Memory())[0]


def read_content(opts: Options, memory: Memory, meanwhile=None) -> tuple[Site, dict[str, str]]:
    """Load and validate every municipality (read.py); the site and each folder's fingerprint."""
    return read(opts.content_dir, opts.display_root or str(opts.content_dir), opts.cache_path(), memory,
                opts.build_date or build_date_from_env(), opts.base_url, opts.changed, opts.jobs,
                opts.start_method, meanwhile)


def context(opts: Options, site: Site, prints: dict[str, str] | None = None,
            memory: Memory | None = None) -> BuildContext:
    """Derive the facts (statuses, progress, what is late); with `prints` (each
    municipality's fingerprint) and `memory`, unchanged municipalities' facts are reused."""
    memory = memory or Memory()
    templates = opts.templates_path()
    if not templatefiles.find(templates, "base.html").is_file():
        raise LofteError(f"mallarna saknas: {' och '.join(templates)} har ingen base.html. Installera om löfte "
                         "(pip install lofte) eller ange rätt mapp.")
    keys = Keys(inputs(opts, site), prints or {})
    reuse = lambda m: memory.memo_facts(m.slug, keys.facts(m.slug, site.build_date),  # noqa: E731
                                        lambda: derive_municipality(m, site.build_date))
    facts = derive(site, reuse if prints else None)
    return BuildContext(site=site, facts=facts, content_dir=opts.content_dir, cache_dir=opts.cache_path(),
                        templates=templates, inputs=keys.inputs, store=Store(opts.cache_path() / "posters"),
                        live=memory.keep, bleed=opts.bleed)


def inputs(opts: Options, site: Site) -> str:
    """What every output reads (reuse.inputs_fingerprint); `site` may be the settings alone."""
    return inputs_fingerprint(opts.templates_path(), opts.content_dir / "site.yaml", site.build_date, site.base_url,
                              opts.bleed)  # not opts.posters: no other output depends on it


def build(opts: Options, memory: Memory | None = None) -> dict[str, int]:
    """Build the whole site into opts.out_dir; the old site survives any failure.
    `memory` is what this process keeps between builds (the dev server's)."""
    memory = memory or Memory()
    check_target(opts.out_dir, str(opts.out_dir), {
        "innehållet": opts.content_dir, "cachen": opts.cache_path(), "mallarna": Path(opts.templates_path()[0])},
        {"mappen du står i": Path.cwd()})
    with output_lock(opts.out_dir):  # before anything of the previous build is read
        recover(opts.out_dir)  # a site a killed build left aside is put back first
        site, prints = read_content(opts, memory, meanwhile=lambda settings: templating.compile_all(
            settings.languages, inputs(opts, settings), opts.templates_path(), live=memory.keep))  # while workers read
        with parallel.frozen():  # the model is finished: collections need not walk it again
            ctx = context(opts, site, prints, memory)
            keys = Keys(ctx.inputs, prints)
            try:
                return write(opts, ctx, keys, memory, read_manifest(opts.out_dir))
            except MissingReuse:  # a file was deleted from the output behind our back: make everything
                return write(opts, ctx, keys, memory, {})


def write(opts: Options, ctx: BuildContext, keys: Keys, memory: Memory, previous: dict[str, str]) -> dict[str, int]:
    """Render every output into a new version of the site and put it in place."""
    with writing(opts.out_dir, in_place=opts.in_place) as out:
        render(opts, ctx, keys, memory, previous, out)
    return out.counts


def render(opts: Options, ctx: BuildContext, keys: Keys, memory: Memory, previous: dict[str, str],
           out: Output) -> None:
    """Each municipality's files on every core, then the site-wide ones, posters, and the sitemap."""
    outputs = MUNICIPALITY_OUTPUTS
    parts = make_municipalities(Job.of(ctx, outputs, keys, previous, out, memory), memory, opts.jobs,
                                opts.start_method)
    for output in SITE_OUTPUTS:
        key = keys.site(output.name, output.reads)
        paths = output.paths(ctx.site) if output.paths else None
        reused = paths is not None and all(previous.get(p) == key for p in paths)
        for f in ([OutputFile(p, None, key) for p in paths] if reused else output.make(ctx)):
            out.put(replace(f, key=key if paths is not None else ""))
    # The site-wide feed, JSON and CSV before the posters: their parts (tens of MB at
    # national scale) are then freed instead of held while posters are drawn.
    for output in outputs:
        if output.site_files:
            for f in output.site_files(ctx, parts.pop(output.name)):
                out.put(f)
    if opts.posters:
        from lofte.outputs.posters import produce as posters  # Pillow: loaded only when asked for
        make_municipalities(Job.of(ctx, (posters.OUTPUT,), keys, previous, out, memory), memory, opts.jobs,
                            opts.start_method, min_parallel=2)  # an image takes a few tenths of a second
        posters.prune(ctx)
    for f in sitemap.produce(ctx.site, list(out.keys)):  # last: it lists every page
        out.put(f)

