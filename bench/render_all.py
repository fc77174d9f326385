#!/usr/bin/env python3
"""Render every page of a benchmark corpus REPS times, for A/B runs of template changes.

    valgrind --tool=callgrind .venv/bin/python bench/render_all.py CORPUS [TEMPLATES] REPS

Counts instructions, not seconds: this machine's speed drifts by more than most
template changes are worth. Subtract a run with REPS=0 (reading and start-up).
CORPUS is a directory made by gen_corpus.py (e.g. /tmp/lofte-bench-58).
"""
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]
import gen_corpus  # noqa: E402

from lofte.build import pipeline  # noqa: E402
from lofte.outputs import pages


def main(corpus: str, templates: str | None, reps: int) -> None:
    if templates:
        pages.TEMPLATES = Path(templates)
    root = Path(corpus)
    opts = pipeline.Options(content_dir=root / "content", out_dir=root / "render-all-out",
                            build_date=gen_corpus.BUILD_DATE, posters=False, jobs=1)
    site = pipeline.read_site(opts)
    ctx = pipeline.context(opts, site)
    tasks = pages.tasks(site, pages.pages(ctx))
    for _ in range(reps):
        for page, lang, langs in tasks:
            pages.render(ctx, page, lang, alternates=langs)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], args[1] if len(args) == 3 else None, int(args[-1]))
