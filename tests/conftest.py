"""Shared test helpers: small content trees written from dicts, and builds."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from lofte.build.pipeline import Options, read_site
from lofte.content.errors import BuildAborted

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "small"
BUILD_DATE = dt.date(2025, 6, 30)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def small_content(tmp_path) -> Path:
    """A writable copy of the small fixture site."""
    target = tmp_path / "content"
    shutil.copytree(SMALL, target)
    return target


def options(content: Path, out: Path | None = None, **kw) -> Options:
    kw.setdefault("build_date", BUILD_DATE)
    kw.setdefault("posters", False)
    kw.setdefault("jobs", 1)
    kw.setdefault("cache_dir", content.parent / ".cache")
    return Options(content_dir=content, out_dir=out or content.parent / "site",
                   display_root="content", **kw)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in a content file (which must contain it) with `new`."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def content_errors(content: Path) -> list[str]:
    """The error lines a build of `content` reports (empty when valid)."""
    try:
        read_site(options(content))
    except BuildAborted as exc:
        return [str(e) for e in exc.errors]
    return []


def json_strings(value):
    """Every string in a parsed JSON value, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)
