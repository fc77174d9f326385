"""Write: put a finished build on disk without ever exposing a half-written site.

A build is assembled in a staging directory next to the output, then swapped
in with two renames; the previous site stays complete until then, and a crash
leaves at worst a stray staging directory that the next build removes. Files
whose bytes did not change (or that a producer reused by key) are hard-linked
from the previous site instead of written again. A lock file keeps two builds
of the same output from interleaving.

The dev server writes `in_place` instead: only changed files are replaced, one
atomic rename each, and removed ones deleted, while requests wait on the same
lock (serve.py); that keeps a one-file edit fast at national scale.

`MANIFEST` in the output records every file and the key it was made from, so
the next build can reuse files whose inputs did not change (outputs.py).
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from .errors import LofteError
from .outputs import OutputFile

MANIFEST = ".lofte-build.json"


class MissingReuse(LofteError):
    """A producer reused a file that is no longer in the output (someone removed it)."""


@contextmanager
def output_lock(out_dir: Path):
    """Hold an exclusive lock for this output directory (waits for another build)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_manifest(out_dir: Path) -> dict[str, str]:
    """Output path -> key of the site currently in out_dir ({} if none)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text("utf-8"))
        return data["files"] if isinstance(data.get("files"), dict) else {}
    except (OSError, ValueError, KeyError, AttributeError):
        return {}


def _manifest(keys: dict[str, str]) -> bytes:
    return json.dumps({"files": dict(sorted(keys.items()))}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _same_bytes(old: Path, data: bytes) -> bool:
    try:
        if old.stat().st_size != len(data):
            return False
        return old.read_bytes() == data
    except OSError:
        return False


def write_site(files: Iterable[OutputFile], out_dir: Path, in_place: bool = False) -> dict[str, int]:
    """Write `files` as the new content of `out_dir`; returns counts."""
    out_dir = out_dir.resolve()
    staging = out_dir.parent / f".{out_dir.name}.staging"
    retired = out_dir.parent / f".{out_dir.name}.old"
    try:
        with output_lock(out_dir):
            if in_place and (out_dir / MANIFEST).is_file():
                return _write_in_place(files, out_dir)
            return _write_staged(files, out_dir, staging, retired)
    except (OSError, MissingReuse) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, MissingReuse):
            raise
        if retired.exists() and not out_dir.exists():
            os.rename(retired, out_dir)
        reason = {errno.ENOSPC: "disken är full", errno.EROFS: "mappen är skrivskyddad",
                  errno.EACCES: "behörighet saknas"}.get(exc.errno, exc.strerror or str(exc))
        raise LofteError(f"kunde inte skriva webbplatsen till {out_dir}: {reason}. "
                         "Den förra versionen är orörd.") from exc


def _write_staged(files: Iterable[OutputFile], out_dir: Path, staging: Path, retired: Path) -> dict[str, int]:
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    staging.mkdir()
    counts = {"written": 0, "unchanged": 0}
    keys: dict[str, str] = {}
    made_dirs: set[Path] = {staging}
    for f in files:
        if f.path in keys:
            raise LofteError(f"två sidor skulle skrivas till samma adress: {f.path}")
        keys[f.path] = f.key
        target = staging / f.path
        if target.parent not in made_dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(target.parent)
        old = out_dir / f.path
        if f.data is None or _same_bytes(old, f.data):
            try:
                os.link(old, target)
                counts["unchanged"] += 1
                continue
            except OSError:
                if f.data is None:
                    raise MissingReuse(f.path) from None
        target.write_bytes(f.data)
        counts["written"] += 1
    (staging / MANIFEST).write_bytes(_manifest(keys))
    if out_dir.exists():
        os.rename(out_dir, retired)
    os.rename(staging, out_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return counts


def _write_in_place(files: Iterable[OutputFile], out_dir: Path) -> dict[str, int]:
    counts = {"written": 0, "unchanged": 0, "removed": 0}
    previous = read_manifest(out_dir)
    keys: dict[str, str] = {}
    for f in files:
        if f.path in keys:
            raise LofteError(f"två sidor skulle skrivas till samma adress: {f.path}")
        keys[f.path] = f.key
        target = out_dir / f.path
        if f.data is None:
            if not target.is_file():
                raise MissingReuse(f.path)
            counts["unchanged"] += 1
            continue
        if _same_bytes(target, f.data):
            counts["unchanged"] += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(f.data)
        os.replace(tmp, target)
        counts["written"] += 1
    for gone in sorted(set(previous) - set(keys)):
        path = out_dir / gone
        try:
            path.unlink()
            counts["removed"] += 1
        except FileNotFoundError:
            continue
        folder = path.parent
        while folder != out_dir and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    tmp = out_dir / f".{MANIFEST}.tmp"
    tmp.write_bytes(_manifest(keys))
    os.replace(tmp, out_dir / MANIFEST)
    return counts
