"""The poster output: every file at its URL, exact sizes, the store, byte-identical, parallel."""
import dataclasses
import datetime as dt
import io
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from PIL import Image

from conftest import options

from lofte.build.pipeline import build as build_site
from lofte.build.pipeline import read_site
from lofte.build.reuse import Store
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


def context(content: Path, cache: Path, bleed: bool = False) -> BuildContext:
    errors = ErrorList()
    site = assemble(load(content, "content", errors), errors, dt.date(2026, 11, 22))
    errors.raise_if_any()
    return BuildContext(site, derive(site), content, store=Store(cache / "posters"), bleed=bleed)


def build(ctx) -> dict[str, bytes]:
    out = {}
    for f in producer.produce(ctx):
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
            expected |= {urls.poster_thumbnail(p, size) for size in ("a3", "a4")}
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
    ctx = dataclasses.replace(first[0], bleed=True)
    jobs = [job for m in ctx.site.municipalities for job, _ in producer.jobs(ctx, m) if job.paper == "a4"]
    assert jobs and all(job.bleed for job in jobs)
    img = Image.open(io.BytesIO(render(jobs[0])["png"]))
    assert img.size == (2480 + 70, 3508 + 70)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_site_build_in_worker_processes_without_cache_is_byte_identical(first, tmp_path, method):
    ctx, files = first
    out = tmp_path / "site"
    build_site(options(CONTENT, out, cache_dir=tmp_path / "cache", posters=True, jobs=2, start_method=method,
                       build_date=dt.date(2026, 11, 22)))
    assert {path: (out / path).read_bytes() for path in files} == files


def test_unchanged_images_come_from_the_cache_without_rendering(first, render_calls):
    ctx, files = first
    assert build(ctx) == files
    assert render_calls == []


def test_a_changed_promise_renders_only_the_images_that_show_it(first, tmp_path, render_calls):
    ctx, before = first
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(CONTENT, content)
    shutil.copytree(ctx.store.root.parent, cache)
    index = content / "cederby/2024/ordning/index.md"
    index.write_text(index.read_text().replace("vid busstationen", "vid resecentrum"))
    after = build(context(content, cache))
    assert sorted(j.paper or j.data.heading for j in render_calls) == [
        "Ordning och reda vid resecentrum", "a3", "a4"]
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {"cederby/2024/ordning/dela.png"} | {
        f"cederby/2024/affisch/medborgarloften-cederby-2024-{size}{ext}"
        for size in ("a3", "a4") for ext in (".png", ".pdf", "-liten.png")}


def test_entries_no_build_uses_are_pruned(first, tmp_path):
    cache = tmp_path / "cache"
    shutil.copytree(first[0].store.root.parent, cache)
    stale = cache / "posters" / "ankeby" / ("0" * 64)
    stale.mkdir()
    gone = cache / "posters" / "borttagen"
    gone.mkdir()
    ctx = context(CONTENT, cache)
    build(ctx)
    producer.prune(ctx)
    assert not stale.exists() and not gone.exists()
    assert len(list((cache / "posters").glob("*/*"))) == IMAGES


def test_images_already_in_the_output_are_kept_by_key_without_reading_the_store(tmp_path, monkeypatch):
    opts = options(CONTENT, tmp_path / "site", cache_dir=tmp_path / "cache", posters=True,
                   build_date=dt.date(2026, 11, 22))
    build_site(opts)
    monkeypatch.setattr(Store, "get", lambda *a: pytest.fail("read the store"))
    monkeypatch.setattr(producer, "render", lambda job: pytest.fail("drew an image"))
    counts = build_site(opts)
    assert counts["written"] == 0


MESSY = Path(__file__).parent / "fixtures" / "messy"
SECOND = "aby/2023-2024/affisch/medborgarloften-aby-2023-2024-a4-2.png"


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    opts = options(MESSY, root / "site", cache_dir=root / "cache", posters=True, build_date=dt.date(2026, 12, 5))
    build_site(opts)
    return opts


def test_a_poster_of_two_pages_has_a_second_png_beside_the_first_and_a_two_page_pdf(messy):
    out = messy.out_dir
    assert (out / SECOND).is_file() and not (out / SECOND.replace("-a4-2", "-a3-2")).exists()
    assert Image.open(out / SECOND).size == (2480, 3508)
    site = read_site(messy)
    aby = next(m for m in site.municipalities if m.slug == "aby")
    assert urls.poster(aby.periods[0], "a4", "png", page=2) == SECOND
    assert b"/Count 2" in (out / SECOND.replace("-2.png", ".pdf")).read_bytes()
    assert b"/Count 1" in (out / SECOND.replace("-a4-2.png", "-a3.pdf")).read_bytes()


def test_every_page_is_kept_by_key_and_a_page_deleted_by_hand_is_made_again(messy, monkeypatch):
    second = (messy.out_dir / SECOND).read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr(producer, "render", lambda job: pytest.fail("drew an image"))
        assert build_site(messy)["written"] == 0
    assert (messy.out_dir / SECOND).read_bytes() == second  # the later page is kept with the first
    (messy.out_dir / SECOND).unlink()
    build_site(messy)
    assert (messy.out_dir / SECOND).read_bytes() == second


class PosterImages(HTMLParser):
    """The `src` of every <img> in a page's "Skriv ut affisch" section."""
    def __init__(self):
        super().__init__()
        self.depth, self.srcs = 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.depth += 1 if self.depth or "print-posters" in (a.get("class") or "").split() else 0
        elif tag == "img" and self.depth:
            self.srcs.append(a["src"])

    def handle_endtag(self, tag):
        if tag == "section" and self.depth:
            self.depth -= 1


def test_every_poster_has_a_small_png_of_its_first_page_and_the_period_page_shows_it(messy):
    out = messy.out_dir
    site = read_site(messy)
    periods = [p for m in site.municipalities for p in m.periods]
    assert len(periods) >= 3
    for p in periods:
        for size in ("a3", "a4"):
            thumb = out / urls.poster_thumbnail(p, size)
            assert thumb.stat().st_size <= 40_000
            with Image.open(thumb) as img:
                assert img.format == "PNG" and 200 <= img.width <= 300
                full = Image.open(out / urls.poster(p, size, "png")).size
                assert abs(img.height / img.width - full[1] / full[0]) < 0.01  # the whole first page, not cropped
                colours = [rgb for _, rgb in img.convert("RGB").getcolors(256)]
                assert len(colours) > 8  # drawn, not blank
                assert any(b > r + 30 for r, _, b in colours)  # the blue accent stays blue, not grey
        for page in (out / urls.period(p) / "index.html", out / "en" / urls.period(p) / "index.html"):
            parser = PosterImages()
            parser.feed(page.read_text(encoding="utf-8"))
            assert [(page.parent / unquote(src)).resolve() for src in parser.srcs] == [
                (out / urls.poster_thumbnail(p, size)).resolve() for size in ("a4", "a3")]
