"""The poster output: every period's A3 and A4 posters, and every share image.

Declared like every output (protocol.py): the files of one municipality, made
from its folder. The engine keeps them while that folder is unchanged; when it
changed, each image is looked up in the build's store (reuse.Store, on disk)
under a key of exactly what it draws (render.key), so only images whose data
changed are drawn again. Images are drawn one at a time, in whichever worker
process makes the municipality, so memory stays flat however many posters a
site has.

A poster that needs more than one sheet has a PNG per page (`…-a4-2.png` …,
render.page_name); how many is known only once it is drawn, so the output lists
the first page's files and declares the later ones as `more` (protocol.py).
Beside each poster is a small PNG of its first page (`…-a4-liten.png`) for the
period page to show, made in the same job from the same drawing.
"""
from __future__ import annotations

from typing import Iterator

from lofte.content import urls
from lofte.content.model import Municipality, Site

from ..protocol import BuildContext, Made, MunicipalityOutput, OutputFile
from . import data
from .render import Job, key, page_number, render

SIZES = ("a3", "a4")
MAX_PAGES = 9  # later pages looked for beside a poster's first PNG (a poster has rarely more than two)


def jobs(ctx: BuildContext, m: Municipality) -> Iterator[tuple[Job, dict[str, str]]]:
    """Each image of one municipality to make, with the site path of each of its files."""
    site, facts = ctx.site, ctx.facts
    for period in m.periods:
        sheet_data = data.poster(site, m, period, facts, ctx.content_dir)
        for size in SIZES:
            yield Job(sheet_data, size, ctx.bleed), poster_files(period, size)
        yield Job(data.share_period(site, m, period, facts)), {"png": urls.share_image(urls.period(period))}
        for promise in period.promises:
            yield (Job(data.share_promise(site, m, period, promise, facts)),
                   {"png": urls.share_image(urls.promise(period, promise))})


def poster_files(period, size: str) -> dict[str, str]:
    """The site path of each file a poster job makes (its later pages aside), by name."""
    return {"png": urls.poster(period, size, "png"), "pdf": urls.poster(period, size, "pdf"),
            "thumb": urls.poster_thumbnail(period, size)}


def paths(site: Site, m: Municipality) -> list[str]:
    out = []
    for period in m.periods:
        out += [path for size in SIZES for path in poster_files(period, size).values()]
        out.append(urls.share_image(urls.period(period)))
        out += [urls.share_image(urls.promise(period, promise)) for promise in period.promises]
    return out


def later_pages(path: str) -> list[str]:
    """Where a poster's later pages would be, beside its first PNG ("…-a4.png" → "…-a4-2.png" …)."""
    if not path.endswith(".png") or "/affisch/" not in path or path.endswith(urls.POSTER_THUMBNAIL):
        return []
    return [path.removesuffix(".png") + f"-{n}.png" for n in range(2, MAX_PAGES + 1)]


def files(ctx: BuildContext, m: Municipality) -> Iterator[OutputFile]:
    """Every image of `m`: from the store when its data was drawn before, else drawn now."""
    used = set()
    for job, where in jobs(ctx, m):
        k = key(job)
        made = ctx.store.get(m.slug, k) if ctx.store is not None else None
        if made is None or not set(job.names) <= set(made):
            made = render(job)
            if ctx.store is not None:
                ctx.store.put(m.slug, k, made)
        used.add(k)
        for name, path in where.items():
            yield OutputFile(path, made[name])
        for name in sorted(made, key=lambda n: page_number(n) or 0):
            if (page_number(name) or 1) > 1:  # a later page of a poster
                yield OutputFile(later_pages(where["png"])[page_number(name) - 2], made[name])
    if ctx.store is not None:
        ctx.store.prune(m.slug, used)  # images this municipality no longer shows


def make(ctx: BuildContext, m: Municipality) -> Made:
    return Made(files(ctx, m))


def prune(ctx: BuildContext) -> None:
    """Drop the stored images of municipalities that are gone."""
    if ctx.store is not None:
        ctx.store.prune_groups({m.slug for m in ctx.site.municipalities})


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    """Every municipality's images, in this process (for tests and tools)."""
    for m in ctx.site.municipalities:
        yield from files(ctx, m)


OUTPUT = MunicipalityOutput("posters", paths=paths, make=make, more=later_pages)
