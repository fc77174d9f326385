"""Load and validate: every municipality folder becomes its model, on every core.

A municipality's model depends only on the files in its folder, so each is
loaded and validated on its own, in worker processes when there are many; a
folder whose fingerprint is unchanged since it was last read comes from the
read cache (reuse.ReadCache) instead. The result is the whole site, or
BuildAborted with every error found.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from lofte.content.assemble import assemble_municipality, combine, read_settings
from lofte.content.errors import ErrorList
from lofte.content.load import load_municipality, load_top
from lofte.content.model import Site

from . import parallel
from .reuse import Memory, ReadCache, fingerprint

MIN_PARALLEL = 32  # fewer folders than this are read faster in this process than by starting workers


def read(content_dir: Path, display: str, cache_dir: Path, memory: Memory, build_date, base_url: str | None,
         changed: frozenset[Path] | None = None, jobs: int = 0, start_method: str | None = None,
         meanwhile: Callable[[Site], object] | None = None) -> tuple[Site, dict[str, str]]:
    """The site, and the fingerprint of each municipality's files.

    `changed` (dev server): the files seen changing since the last build in this
    process; other folders keep the fingerprint they were read with. This
    process runs `meanwhile` with the site's settings while workers read (or
    first, when it reads alone).
    """
    errors = ErrorList()
    site_doc, slugs = load_top(content_dir, display, errors)
    settings = read_settings(site_doc, errors, build_date, base_url)
    reads = ReadCache(content_dir, cache_dir, memory)
    touched = _touched(content_dir, changed)
    # A folder with nothing cached is fingerprinted by the worker that reads it (a cold
    # build fingerprints on every core); the others here, to compare with the cache.
    prints = {slug: (touched is not None and slug not in touched and reads.known_fingerprint(slug))
              or (fingerprint(content_dir, slug, display) if reads.has(slug) else "") for slug in slugs}
    results = {slug: reads.get(slug, fp) if fp else None for slug, fp in prints.items()}
    todo = [slug for slug in slugs if results[slug] is None]
    for slug in todo:
        reads.forget(slug)
    workers = parallel.jobs(jobs) if len(todo) >= MIN_PARALLEL else 1
    tasks = [(content_dir, display, cache_dir, [(slug, prints[slug]) for slug in chunk], workers > 1)
             for chunk in parallel.chunks(todo, workers * 8)]
    prepare = (lambda: meanwhile(settings)) if meanwhile is not None and settings is not None else None
    for found in parallel.map_ordered(read_folders, tasks, workers, start_method, meanwhile=prepare):
        for slug, fp, result in found:
            if type(result) is bytes:  # a worker's cache record
                result = ReadCache.decode(result)[1]
            prints[slug], results[slug] = fp, result
            reads.remember(slug, fp, result)
    for slug in slugs:
        errors.items.extend(results[slug][2])
    site = combine(settings, [(m, assets) for m, assets, _ in (results[s] for s in slugs)])
    errors.raise_if_any()
    return site, prints


def _touched(content_dir: Path, changed: frozenset[Path] | None) -> set[str] | None:
    """Top-level content folders with a changed file, when the caller knows."""
    if changed is None:
        return None
    root = os.path.realpath(content_dir)  # the watcher reports resolved paths
    return {os.path.relpath(os.path.realpath(p), root).split(os.sep)[0] for p in changed}


def read_folders(_shared, task) -> list[tuple[str, str, tuple | bytes]]:
    """Worker: load and validate some municipality folders; store each result in
    the read cache and return it with the fingerprint it was read under.

    A worker process (`encoded`) returns the cache record instead of the model: the
    bytes are made anyway, and decoding them costs the parent about what unpickling
    the model would, while the worker saves pickling it (bench/README.md, session 7).
    """
    root, display, cache_dir, todo, encoded = task
    store = ReadCache(root, cache_dir, Memory())
    found = []
    for slug, fp in todo:
        fp = fp or fingerprint(root, slug, display)  # before reading: a later edit changes it
        errors = ErrorList()
        files = load_municipality(root, display, slug, errors)
        municipality, assets = (assemble_municipality(files, root, errors) if files is not None
                                else (None, set()))
        result = (municipality, assets, errors.items)
        record = store.store(slug, fp, result)
        found.append((slug, fp, record if encoded and record is not None else result))
    return found
