"""The poster producer: every period's A3 and A4 posters, and every share image.

Called by the build pipeline like any producer (outputs.py). Images whose
inputs did not change come from the cache; the rest are rendered, in a pool of
worker processes when the build may use several (`ctx.jobs`) and there is
enough to do. Outputs are yielded in a fixed order read back from the cache,
so memory stays flat however many posters a site has.
"""
from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path
from typing import Iterator

from lofte.content import urls

from ..protocol import BuildContext, OutputFile
from . import data
from .cache import Cache
from .render import Job, key, page_number, render

SIZES = ("a3", "a4")
MIN_PARALLEL = 4  # fewer renders than this are quicker than starting workers


def jobs(ctx: BuildContext, bleed: bool) -> Iterator[tuple[Job, dict[str, str]]]:
    """Each image to make, with the site path of each of its files.

    A poster's later pages are not known before it is drawn: `paths` adds them."""
    site, facts = ctx.site, ctx.facts
    for m in site.municipalities:
        for period in m.periods:
            sheet_data = data.poster(site, m, period, facts, ctx.content_dir)
            for size in SIZES:
                yield Job(sheet_data, size, bleed), {ext: urls.poster(period, size, ext) for ext in ("png", "pdf")}
            yield Job(data.share_period(site, m, period, facts)), {"png": urls.share_image(urls.period(period))}
            for promise in period.promises:
                yield (Job(data.share_promise(site, m, period, promise, facts)),
                       {"png": urls.share_image(urls.promise(period, promise))})


def pages(paths: dict[str, str], names: tuple[str, ...]) -> dict[str, str]:
    """A poster's paths with one for each later page's PNG the cache entry holds ("png-2" → "…-a4-2.png")."""
    more = {n: paths["png"].removesuffix(".png") + f"-{page_number(n)}.png"
            for n in names if (page_number(n) or 1) > 1}
    return {**paths, **more}


def _render_into(args: tuple[Path, str, Job]) -> str:
    root, job_key, job = args
    Cache(root).put(job_key, render(job))
    return job_key


def render_missing(cache: Cache, missing: list[tuple[str, Job]], processes: int) -> None:
    work = [(cache.root, k, job) for k, job in missing]
    if processes > 1 and len(work) >= MIN_PARALLEL and "fork" in multiprocessing.get_all_start_methods():
        # fork: workers inherit loaded fonts and modules; only the jobs are pickled. They
        # never touch the site's model, but a collection would visit (and so copy) every
        # page of it: frozen objects are left out of collections.
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(min(processes, len(work))) as pool:
                for _ in pool.imap_unordered(_render_into, work):
                    pass
        finally:
            gc.unfreeze()
    else:
        for item in work:
            _render_into(item)


def produce(ctx: BuildContext, *, bleed: bool = False) -> Iterator[OutputFile]:
    """Posters (A3, A4; PDF and PNG) of every period, share images of every period and promise page.

    A file already in the output from the same job is kept by its key (the job's
    key and the file's name), unread: at national scale that is ~480 MB that a
    rebuild would otherwise read from the cache and compare with the output.
    """
    cache = Cache(ctx.cache_dir / "posters")
    planned = []
    for job, paths in jobs(ctx, bleed):
        k = key(job)
        names = cache.names(k) if job.paper else job.names  # without an entry, a poster's pages are unknown
        paths = pages(paths, names)
        keys = {name: f"{k}.{name}" for name in paths}
        planned.append((job, paths, k, keys, bool(names) and all(ctx.reusable(paths[n], keys[n]) for n in paths)))
    missing = {}
    for job, _, k, _, kept in planned:
        if not kept and k not in missing and not cache.has(k, job.names):
            missing[k] = job
    render_missing(cache, list(missing.items()), ctx.jobs)
    cache.prune({k for _, _, k, _, _ in planned})
    for job, paths, k, keys, kept in planned:
        if k in missing:  # drawn just now: its later pages are known only now
            paths = pages(paths, cache.names(k))
            keys = {name: f"{k}.{name}" for name in paths}
        if kept:
            yield from (OutputFile(path, None, keys[name]) for name, path in paths.items())
            continue
        files = cache.get(k, tuple(paths))
        if files is None:
            raise RuntimeError(f"poster cache entry {k} vanished during the build")
        for name, path in paths.items():
            yield OutputFile(path, files[name], keys[name])
