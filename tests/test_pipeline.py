"""The orchestrator: options, the build date, what is read, derived and reused."""
import datetime as dt
from pathlib import Path

from conftest import options

from lofte.build import pipeline
from lofte.build.pipeline import build, build_date_from_env, context, read_content
from lofte.build.reuse import Memory
from lofte.outputs import pages


def test_the_cache_sits_beside_the_content_unless_told_otherwise(tmp_path):
    opts = pipeline.Options(content_dir=tmp_path / "content", out_dir=tmp_path / "site")
    assert opts.cache_path() == tmp_path.resolve() / ".cache"
    assert pipeline.Options(content_dir=tmp_path, out_dir=tmp_path, cache_dir=Path("c")).cache_path() == Path("c")


def test_the_build_date_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751241600")
    assert build_date_from_env() == dt.date(2025, 6, 30)


def test_memory_reuses_facts_of_unchanged_municipalities(small_content):
    memory = Memory(keep=True)
    opts = options(small_content)
    site, prints = read_content(opts, memory)
    first = context(opts, site, prints, memory)
    again = context(opts, site, prints, memory)
    slug = site.municipalities[0].slug
    assert memory.facts[slug][1] is not None
    some = next(iter(first.facts.promises))
    assert again.facts.promises[some] is first.facts.promises[some]  # the same object: not derived again


def test_pages_that_read_only_settings_are_kept_when_content_changes(small_content, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(options(small_content, out))
    rendered = []
    real = pages.render
    monkeypatch.setattr(pages, "render", lambda ctx, page, *a, **k: rendered.append(page.template) or real(ctx, page, *a, **k))
    update = small_content / "storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md"
    update.write_text(update.read_text(encoding="utf-8").replace("Trettio", "Fyrtio"), encoding="utf-8")
    build(options(small_content, out))
    assert "home.html" in rendered and "promise.html" in rendered  # they show the edit
    assert not {"statuses.html", "about.html", "accessibility.html", "404.html"} & set(rendered)
