"""Work not repeated: municipalities read before are reused while their files are unchanged.

A municipality's model depends only on the files in its folder (and on this
code), so the result of loading and validating it — the model object, its
accepted images and its errors — is kept under a fingerprint of every file's
path, size and modification time, the code version and the display root.
Results live in memory (the dev server rebuilds in the same process) and on
disk under the cache directory (the next CLI build). A wrong cache would
publish stale content, so tests/test_incremental.py compares cached builds
with clean ones after edits, additions, renames and deletions.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

_memory: dict[tuple[str, str], tuple[str, object]] = {}  # (root, slug) -> (fingerprint, result)
_fragments: dict[tuple[str, str], tuple[str, object]] = {}  # (kind, slug) -> (key, value)
_keep_fragments = False  # else only the newest per kind (see memo)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of this package's files (code, message catalogues, scaffolds) and the libraries that shape output."""
    h = hashlib.sha256(sys.version.encode())
    for name in ("cmarkgfm", "nh3", "PyYAML", "Pillow", "Jinja2", "MarkupSafe", "Babel", "icalendar", "segno"):
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            pass
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(root: Path, slug: str, display_root: str) -> str:
    """Every file under the municipality folder, by path, size and mtime."""
    base = os.path.join(os.path.abspath(root), slug)
    h = hashlib.sha256(f"{code_version()}\0{display_root}\0{base}".encode())
    _walk(base, "", h)
    return h.hexdigest()


def _walk(folder: str, prefix: str, h) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        try:
            st = e.stat(follow_symlinks=False)
            link = os.readlink(e.path) if e.is_symlink() else ""
        except OSError:
            continue
        h.update(f"{prefix}{e.name}\0{st.st_size}\0{st.st_mtime_ns}\0{link}\n".encode())
        if not link and e.is_dir(follow_symlinks=False):
            _walk(e.path, f"{prefix}{e.name}/", h)


class ReadCache:
    def __init__(self, root: Path, cache_dir: Path | None):
        self.root = str(root.resolve())
        self.dir = cache_dir / "read" if cache_dir else None

    def _file(self, slug: str) -> Path | None:
        return self.dir / f"{slug}.pickle" if self.dir else None

    def get(self, slug: str, fp: str):
        hit = _memory.get((self.root, slug))
        if hit and hit[0] == fp:
            return hit[1]
        path = self._file(slug)
        if path and path.is_file():
            try:
                stored_fp, result = pickle.loads(path.read_bytes())
            except Exception:  # a damaged or old cache file is simply a miss
                return None
            if stored_fp == fp:
                _memory[(self.root, slug)] = (fp, result)
                return result
        return None

    def has(self, slug: str) -> bool:
        """Is anything kept for this municipality (in memory or on disk) to compare with?"""
        path = self._file(slug)
        return (self.root, slug) in _memory or (path is not None and path.is_file())

    def known_fingerprint(self, slug: str) -> str | None:
        """The fingerprint this process last read the municipality with (dev server)."""
        hit = _memory.get((self.root, slug))
        return hit[0] if hit else None

    def forget(self, slug: str) -> None:
        """Drop the remembered result: it is being read again, and if that read
        fails, the next build must not trust the old fingerprint."""
        _memory.pop((self.root, slug), None)

    def store(self, slug: str, fp: str, result) -> bytes:
        """Write `result` to the cache directory (any process may); returns the stored bytes."""
        stored = pickle.dumps((fp, result), protocol=pickle.HIGHEST_PROTOCOL)
        path = self._file(slug)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(stored)
                os.replace(tmp, path)
            except OSError:
                pass  # a cache that cannot be written only costs time
        return stored

    def remember(self, slug: str, stored: bytes) -> tuple[str, object]:
        """The bytes from `store`, kept in memory too; returns (fingerprint, result)."""
        fp, result = pickle.loads(stored)
        _memory[(self.root, slug)] = (fp, result)
        return fp, result


def memo(kind: str, slug: str, key: str, make: Callable[[], T]) -> T:
    """A value made from one municipality, kept in memory while its key holds.

    The dev server (keep_fragments) keeps one per municipality and kind, so an
    edit remakes only the edited municipality's. A one-off build keeps just the
    newest per kind: two producers that need the same value for the municipality
    being made share it, and nothing piles up.
    """
    if not key:
        return make()
    hit = _fragments.get((kind, slug))
    if hit and hit[0] == key:
        return hit[1]
    value = make()
    remember(kind, slug, key, value)
    return value


def remembered(kind: str, slug: str, key: str):
    """The value `memo` or `remember` kept for this municipality and key, else None."""
    hit = _fragments.get((kind, slug))
    return hit[1] if hit and key and hit[0] == key else None


def remember(kind: str, slug: str, key: str, value) -> None:
    if not key:
        return
    if not _keep_fragments:
        for old in [k for k in _fragments if k[0] == kind]:
            del _fragments[old]
    _fragments[(kind, slug)] = (key, value)


def keeping() -> bool:
    """Does this process keep every municipality's fragments (the dev server)?"""
    return _keep_fragments


def keep_fragments(keep: bool = True) -> None:
    """Keep per-municipality fragments between builds in this process (dev server)."""
    global _keep_fragments
    _keep_fragments = keep
    if not keep:
        _fragments.clear()
