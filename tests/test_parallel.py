"""Work spread over cores must not change the result: a build on two workers
equals a build in one process, byte for byte, and so does a rebuild after an edit.

Uses the benchmark corpus with enough municipalities that reading and making
outputs both go to forked workers (pipeline.read, pipeline.make_municipalities).
"""
from __future__ import annotations

from pathlib import Path

from test_bench_corpus import gen_corpus
from test_incremental import touch

from lofte.build import parallel
from lofte.build.pipeline import Options, build

N = 34  # above both thresholds for going parallel (32 to read, 16 to make)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def opts(content: Path, out: Path, jobs: int, **kw) -> Options:
    return Options(content_dir=content, out_dir=out, build_date=gen_corpus.BUILD_DATE, posters=False,
                   jobs=jobs, cache_dir=out.parent / f"cache-{out.name}", **kw)


def test_two_workers_build_what_one_process_builds(tmp_path):
    gen_corpus.generate(tmp_path / "c", municipalities=N)
    content = tmp_path / "c" / "content"
    build(opts(content, tmp_path / "one", jobs=1))

    counts = build(opts(content, tmp_path / "two", jobs=2))
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two
    assert counts["written"] == len(two) - 1  # every file but the manifest, each once
    assert len([p for p in two if p.endswith("/atom.xml")]) > N * 5

    update = next(content.glob("*/2025-2026/*/updates/*.md"))
    update.write_text(update.read_text(encoding="utf-8") + "\nEn mening till.\n", encoding="utf-8")
    touch(update)
    after_edit = build(opts(content, tmp_path / "two", jobs=2))  # warm caches: most files reused

    build(opts(content, tmp_path / "clean", jobs=1))
    assert tree(tmp_path / "two") == tree(tmp_path / "clean")
    assert "En mening till." in (tmp_path / "two" / update.parent.parent.relative_to(content) / "index.html").read_text()
    assert after_edit["written"] < 60


def test_slices_keep_order_and_end_small():
    slices = parallel.chunks(list(range(290)), 16)
    assert [x for s in slices for x in s] == list(range(290))
    sizes = [len(s) for s in slices]
    assert max(sizes[:12]) - min(sizes[:12]) <= 1 and sizes[-8:] == [9] * 8
    assert parallel.chunks([], 16) == [] and parallel.chunks([1, 2], 16) == [[1], [2]]


def test_spawned_workers_build_what_forked_workers_build(tmp_path):
    """Windows and macOS start workers with `spawn`: they get their data as
    arguments, not by inheriting this process's memory (issue 15.3)."""
    gen_corpus.generate(tmp_path / "c", municipalities=N)
    content = tmp_path / "c" / "content"
    build(opts(content, tmp_path / "fork", jobs=2, start_method="fork"))
    build(opts(content, tmp_path / "spawn", jobs=2, start_method="spawn"))
    assert tree(tmp_path / "fork") == tree(tmp_path / "spawn")


def test_a_pool_runs_tasks_in_order_with_shared_data_under_every_start_method():
    for method in ("fork", "spawn"):
        assert list(parallel.map_ordered(_scaled, range(6), 2, method, shared=10)) == [0, 10, 20, 30, 40, 50]


def _scaled(shared, task):
    return shared * task


def test_frozen_blocks_nest():
    """The pipeline freezes the model and the pool freezes again inside: only the
    outermost block gives the objects back to the collector."""
    import gc
    assert gc.get_freeze_count() == 0
    with parallel.frozen():
        outer = gc.get_freeze_count()
        assert outer > 0
        with parallel.frozen():
            pass
        assert gc.get_freeze_count() >= outer  # the inner block did not unfreeze the model
    assert gc.get_freeze_count() == 0
