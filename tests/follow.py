"""Shared by the tests of the follow-the-progress outputs: one build of tests/fixtures/follow.

The fixture has a base URL with a path prefix, a CC BY licence, a promise with a
status change, per-actor changes, a correction, an example update, events with
and without times, a promise overdue at the build date with text that looks
like spreadsheet formulas, and an ended period with a verdict and no events.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, options

from lofte.build.pipeline import build, read_site
from lofte.content.derived import Facts, derive
from lofte.content.model import Site

FOLLOW = FIXTURES / "follow"
BUILD_DATE = dt.date(2026, 6, 15)


@dataclass(frozen=True)
class Built:
    out: Path
    site: Site
    facts: Facts

    def text(self, path: str) -> str:
        return (self.out / path).read_text("utf-8")


def build_follow(out: Path, build_date: dt.date = BUILD_DATE) -> Built:
    opts = options(FOLLOW, out, build_date=build_date)
    build(opts)
    site = read_site(opts)
    return Built(out, site, derive(site))
