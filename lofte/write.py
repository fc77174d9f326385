"""Write: put a finished build on disk without ever exposing a half-written site.

The new site is assembled in a staging directory next to the output, then
swapped in with two renames; the previous site stays complete until then, and a
crash leaves at worst a stray staging directory that the next build removes.
Files whose bytes did not change are hard-linked from the previous site instead
of written again (fast, and their mtimes stay put for caches and rsync).
A lock file keeps two builds of the same output from interleaving.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from .errors import LofteError
from .outputs import OutputFile


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


def _same_bytes(old: Path, data: bytes) -> bool:
    try:
        if old.stat().st_size != len(data):
            return False
        return old.read_bytes() == data
    except OSError:
        return False


def write_site(files: Iterable[OutputFile], out_dir: Path) -> dict[str, int]:
    """Write `files` as the new content of `out_dir`; returns counts."""
    out_dir = out_dir.resolve()
    staging = out_dir.parent / f".{out_dir.name}.staging"
    retired = out_dir.parent / f".{out_dir.name}.old"
    counts = {"written": 0, "unchanged": 0}
    try:
        with output_lock(out_dir):
            for leftover in (staging, retired):
                if leftover.exists():
                    shutil.rmtree(leftover)
            staging.mkdir()
            seen: set[str] = set()
            made_dirs: set[Path] = {staging}
            for f in files:
                if f.path in seen:
                    raise LofteError(f"två sidor skulle skrivas till samma adress: {f.path}")
                seen.add(f.path)
                target = staging / f.path
                if target.parent not in made_dirs:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made_dirs.add(target.parent)
                old = out_dir / f.path
                if _same_bytes(old, f.data):
                    try:
                        os.link(old, target)
                        counts["unchanged"] += 1
                        continue
                    except OSError:
                        pass
                target.write_bytes(f.data)
                counts["written"] += 1
            if out_dir.exists():
                os.rename(out_dir, retired)
            os.rename(staging, out_dir)
            shutil.rmtree(retired, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not out_dir.exists():
            os.rename(retired, out_dir)
        reason = {errno.ENOSPC: "disken är full", errno.EROFS: "mappen är skrivskyddad",
                  errno.EACCES: "behörighet saknas"}.get(exc.errno, exc.strerror or str(exc))
        raise LofteError(f"kunde inte skriva webbplatsen till {out_dir}: {reason}. "
                         "Den förra versionen är orörd.") from exc
    return counts
