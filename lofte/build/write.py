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
from typing import Iterator

from lofte.content.errors import LofteError
from lofte.outputs.protocol import OutputFile

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


def _same_bytes(old: str, data: bytes) -> bool:
    try:
        if os.stat(old).st_size != len(data):
            return False
        with open(old, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


class Output:
    """One build's output directory while it is written: staged, or in place (dev server).

    `store` puts a file on disk and may run in a forked worker (it only touches
    the file system); `add` records it in the parent, which owns the manifest.
    """

    def __init__(self, out_dir: Path, in_place: bool):
        self.out_dir = out_dir
        self.in_place = in_place
        self.root = out_dir if in_place else out_dir.parent / f".{out_dir.name}.staging"
        self.keys: dict[str, str] = {}
        self.counts = {"written": 0, "unchanged": 0, "removed": 0} if in_place else {"written": 0, "unchanged": 0}
        self._dirs: set[Path] = {self.root}

    def put(self, f: OutputFile) -> None:
        self.add(f.path, f.key, self.store(f))

    def add(self, path: str, key: str, written: bool) -> None:
        if path in self.keys:
            raise LofteError(f"två sidor skulle skrivas till samma adress: {path}")
        self.keys[path] = key
        self.counts["written" if written else "unchanged"] += 1

    def store(self, f: OutputFile) -> bool:
        """Put `f` in place; False when the file already had these bytes (or was reused)."""
        return self._store_in_place(f) if self.in_place else self._store_staged(f)

    def _store_staged(self, f: OutputFile) -> bool:
        target = self.root / f.path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        old = os.path.join(self.out_dir, f.path)
        if f.data is None or _same_bytes(old, f.data):
            try:
                os.link(old, target)
                return False
            except OSError:
                if f.data is None:
                    raise MissingReuse(f.path) from None
        target.write_bytes(f.data)
        return True

    def _store_in_place(self, f: OutputFile) -> bool:
        if f.data is None:  # hot: most files of an edit are reused, so plain strings, no Path
            if not os.path.isfile(os.path.join(self.root, f.path)):
                raise MissingReuse(f.path)
            return False
        target = self.root / f.path
        if _same_bytes(str(target), f.data):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(f.data)
        os.replace(tmp, target)
        return True

    def _begin(self) -> None:
        if self.in_place:
            return
        retired = self.out_dir.parent / f".{self.out_dir.name}.old"
        for leftover in (self.root, retired):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.root.mkdir()

    def _commit(self) -> None:
        if self.in_place:
            self._remove_gone()
            tmp = self.out_dir / f".{MANIFEST}.tmp"
            tmp.write_bytes(_manifest(self.keys))
            os.replace(tmp, self.out_dir / MANIFEST)
            return
        (self.root / MANIFEST).write_bytes(_manifest(self.keys))
        retired = self.out_dir.parent / f".{self.out_dir.name}.old"
        if self.out_dir.exists():
            os.rename(self.out_dir, retired)
        os.rename(self.root, self.out_dir)
        shutil.rmtree(retired, ignore_errors=True)

    def _remove_gone(self) -> None:
        for gone in sorted(set(read_manifest(self.out_dir)) - set(self.keys)):
            path = self.out_dir / gone
            try:
                path.unlink()
                self.counts["removed"] += 1
            except FileNotFoundError:
                continue
            folder = path.parent
            while folder != self.out_dir and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent


@contextmanager
def writing(out_dir: Path, in_place: bool = False) -> Iterator[Output]:
    """An `Output` for the new content of `out_dir`, put in place when the block succeeds.

    In place applies only to an output a previous build made (it has a manifest).
    On any failure the staging directory is removed and the previous site is
    left as it was; file system errors become one clear message.
    """
    out_dir = out_dir.resolve()
    retired = out_dir.parent / f".{out_dir.name}.old"
    with output_lock(out_dir):
        out = Output(out_dir, in_place and (out_dir / MANIFEST).is_file())
        try:
            out._begin()
            yield out
            out._commit()
        except BaseException as exc:
            if out.in_place:  # files were replaced without their keys: the next build makes everything
                (out_dir / MANIFEST).unlink(missing_ok=True)
            else:
                shutil.rmtree(out.root, ignore_errors=True)
                if retired.exists() and not out_dir.exists():
                    os.rename(retired, out_dir)
            if isinstance(exc, OSError):
                reason = {errno.ENOSPC: "disken är full", errno.EROFS: "mappen är skrivskyddad",
                          errno.EACCES: "behörighet saknas"}.get(exc.errno, exc.strerror or str(exc))
                after = ("Nästa bygge gör om hela webbplatsen." if out.in_place  # files were replaced one by one
                         else "Den förra versionen är orörd.")
                raise LofteError(f"kunde inte skriva webbplatsen till {out_dir}: {reason}. {after}") from exc
            raise
