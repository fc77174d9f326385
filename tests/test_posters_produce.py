"""The producer: every file at its URL, exact sizes, cache, byte-identical, parallel."""
import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from lofte.content import urls
from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.outputs.posters import produce as producer
from lofte.outputs.posters.render import render
from lofte.outputs.protocol import BuildContext

CONTENT = Path(__file__).parent / "fixtures" / "posters" / "content"
IMAGES = 3 * 2 + 3 + 13  # A3 and A4 per period, a share image per period and per promise


def context(content: Path, cache: Path, jobs: int = 1) -> BuildContext:
    errors = ErrorList()
    site = assemble(load(content, "content", errors), errors, dt.date(2026, 11, 22))
    errors.raise_if_any()
    return BuildContext(site, derive(site), content, cache, jobs)


def build(ctx, **kw) -> dict[str, bytes]:
    out = {}
    for f in producer.produce(ctx, **kw):
        assert f.path not in out
        out[f.path] = f.data
    return out


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> tuple[BuildContext, dict[str, bytes]]:
    """One full build of the fixture site, and its context (whose cache is then full)."""
    ctx = context(CONTENT, tmp_path_factory.mktemp("cache"))
    return ctx, build(ctx)


@pytest.fixture
def render_calls(monkeypatch) -> list:
    calls = []

    def counting(job):
        calls.append(job)
        return render(job)
    monkeypatch.setattr(producer, "render", counting)
    return calls


def test_posters_for_every_period_and_share_images_for_every_page(first):
    ctx, files = first
    expected = set()
    for m in ctx.site.municipalities:
        for p in m.periods:
            expected |= {urls.poster(p, size, ext) for size in ("a3", "a4") for ext in ("pdf", "png")}
            expected.add(urls.share_image(urls.period(p)))
            expected |= {urls.share_image(urls.promise(p, pr)) for pr in p.promises}
    assert set(files) == expected
    assert "bergby/2025-2026/affisch/medborgarloften-bergby-2025-2026-a3.pdf" in files


@pytest.mark.parametrize("name, size", [("a3", (3508, 4961)), ("a4", (2480, 3508))])
def test_poster_pngs_are_exactly_the_paper_size_at_300_dpi(first, name, size):
    img = Image.open(io.BytesIO(first[1][f"ankeby/2026/affisch/medborgarloften-ankeby-2026-{name}.png"]))
    assert img.size == size
    assert tuple(round(v) for v in img.info["dpi"]) == (300, 300)


def test_share_images_are_1200_by_630(first):
    shares = [data for path, data in first[1].items() if path.endswith("dela.png")]
    assert len(shares) == 3 + 13
    assert all(Image.open(io.BytesIO(data)).size == (1200, 630) for data in shares)


def test_bleed_adds_3_mm_on_every_side(first):
    jobs = [job for job, _ in producer.jobs(first[0], bleed=True) if job.paper == "a4"]
    assert jobs and all(job.bleed for job in jobs)
    img = Image.open(io.BytesIO(render(jobs[0])["png"]))
    assert img.size == (2480 + 70, 3508 + 70)


def test_a_rebuild_in_worker_processes_without_cache_is_byte_identical(first, tmp_path):
    ctx, files = first
    assert build(context(CONTENT, tmp_path, jobs=2)) == files


def test_unchanged_images_come_from_the_cache_without_rendering(first, render_calls):
    ctx, files = first
    assert build(ctx) == files
    assert render_calls == []


def test_a_changed_promise_renders_only_the_images_that_show_it(first, tmp_path, render_calls):
    ctx, before = first
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(CONTENT, content)
    shutil.copytree(ctx.cache_dir, cache)
    index = content / "cederby/2024/ordning/index.md"
    index.write_text(index.read_text().replace("vid busstationen", "vid resecentrum"))
    after = build(context(content, cache))
    assert sorted(j.paper or j.data.heading for j in render_calls) == [
        "Ordning och reda vid resecentrum", "a3", "a4"]
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {"cederby/2024/ordning/dela.png"} | {
        f"cederby/2024/affisch/medborgarloften-cederby-2024-{size}.{ext}"
        for size in ("a3", "a4") for ext in ("png", "pdf")}


def test_entries_no_build_uses_are_pruned(first, tmp_path):
    cache = tmp_path / "cache"
    shutil.copytree(first[0].cache_dir, cache)
    stale = cache / "posters" / ("0" * 64)
    stale.mkdir()
    build(context(CONTENT, cache))
    assert not stale.exists()
    assert len(list((cache / "posters").iterdir())) == IMAGES


def test_images_already_in_the_output_are_kept_by_key_without_reading_the_cache(first, monkeypatch):
    ctx, files = first
    made = list(producer.produce(ctx))
    previous = {f.path: f.key for f in made}
    assert all(f.key for f in made) and len(set(previous.values())) == len(made)
    monkeypatch.setattr(producer.Cache, "get", lambda *a: pytest.fail("read the cache"))
    again = list(producer.produce(dataclasses.replace(ctx, previous=previous)))
    assert [(f.path, f.data, f.key) for f in again] == [(f.path, None, f.key) for f in made]
    # a file whose key differs (or that is not in the output) is read from the cache again
    stale = dict(previous, **{made[0].path: "x"})
    monkeypatch.undo()
    mixed = list(producer.produce(dataclasses.replace(ctx, previous=stale)))
    job_files = [f for f in mixed if f.data is not None]
    assert made[0].path in {f.path for f in job_files} and len(job_files) < len(made)


MESSY = Path(__file__).parent / "fixtures" / "messy"
SECOND = "aby/2023-2024/affisch/medborgarloften-aby-2023-2024-a4-2.png"


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> tuple[BuildContext, list]:
    errors = ErrorList()
    site = assemble(load(MESSY, "content", errors), errors, dt.date(2026, 12, 5))
    errors.raise_if_any()
    ctx = BuildContext(site, derive(site), MESSY, tmp_path_factory.mktemp("cache"), 1)
    return ctx, list(producer.produce(ctx))


def test_a_poster_of_two_pages_has_a_second_png_beside_the_first_and_a_two_page_pdf(messy):
    files = {f.path: f.data for f in messy[1]}
    assert SECOND in files and SECOND.replace("-a4-2", "-a3-2") not in files
    assert Image.open(io.BytesIO(files[SECOND])).size == (2480, 3508)
    aby = next(m for m in messy[0].site.municipalities if m.slug == "aby")
    assert urls.poster(aby.periods[0], "a4", "png", page=2) == SECOND
    assert b"/Count 2" in files[SECOND.replace("-2.png", ".pdf")]
    assert b"/Count 1" in files[SECOND.replace("-a4-2.png", "-a3.pdf")]


def test_every_page_is_kept_by_key_and_without_a_cache_entry_the_poster_is_drawn_again(messy, tmp_path):
    ctx, made = messy
    previous = {f.path: f.key for f in made}
    again = list(producer.produce(dataclasses.replace(ctx, previous=previous)))
    assert {f.path for f in again} == set(previous) and all(f.data is None for f in again)
    # An output from before with no cache: the pages are not known, so nothing is kept blindly.
    fresh = list(producer.produce(dataclasses.replace(ctx, previous=previous, cache_dir=tmp_path)))
    second = next(f for f in fresh if f.path == SECOND)
    assert second.data is not None and second.key == previous[SECOND]
