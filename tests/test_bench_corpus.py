"""The benchmark corpus (bench/gen_corpus.py) is deterministic and builds cleanly."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from lofte.build.pipeline import Options, build

REPO = Path(__file__).resolve().parent.parent


def _gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", REPO / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_corpus = _gen_corpus()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_text(tmp_path):
    gen_corpus.generate(tmp_path / "a", municipalities=3, seed=7)
    gen_corpus.generate(tmp_path / "b", municipalities=3, seed=7)
    gen_corpus.generate(tmp_path / "c", municipalities=3, seed=8)
    a = _tree(tmp_path / "a" / "content")
    assert a == _tree(tmp_path / "b" / "content")
    assert a != _tree(tmp_path / "c" / "content")


def test_counts_match_the_issue(tmp_path):
    counts = gen_corpus.generate(tmp_path / "c", municipalities=20)
    assert counts["promises"] == 20 * 4 + 2 * 4  # current periods, plus ended periods of a tenth
    assert counts["updates"] == 20 * 4 * 12
    assert counts["periods"] == 22


def test_builds_without_errors(tmp_path):
    counts = gen_corpus.generate(tmp_path / "c", municipalities=3)
    assert counts["updates"] == 3 * 4 * 12
    opts = Options(content_dir=tmp_path / "c" / "content", out_dir=tmp_path / "site",
                   build_date=gen_corpus.BUILD_DATE, posters=False, cache_dir=tmp_path / "cache")
    written = build(opts)
    assert written["written"] > 3 * (1 + 1 + 4)  # municipality, period and promise pages at least
    ended = [p.parent.name for p in (tmp_path / "c" / "content").glob("*/2023-2024")]
    assert len(ended) == 1  # the first of every ten municipalities
    assert (tmp_path / "site" / ended[0] / "2025-2026" / "index.html").is_file()
    assert (tmp_path / "site" / ended[0] / "2023-2024" / "uppfoljning" / "index.html").is_file()
