"""Write: put a finished build on disk without ever exposing a half-written site.

A build is assembled in a staging directory next to the output, then swapped
in with two renames; the previous site stays complete until then. A crash
leaves at worst a stray staging directory that the next build removes, or,
killed between the two renames, the previous site renamed aside: the next
build puts it back first and says so (`recover`). Files whose bytes did not
change (or that the engine reused by key) are hard-linked from the previous
site instead of written again. A lock file beside the output keeps two builds
of it from interleaving (filelock: fcntl on POSIX, msvcrt on Windows); the
engine takes it before it reads anything of the previous build.

`check_target` refuses an output folder that would take something with it when
it is replaced: the content, the cache, the templates, the folder the command
runs in, or a folder that is not a previous build.

The dev server writes `in_place` instead: only changed files are replaced, one
atomic rename each, and removed ones deleted, while requests wait on the same
lock (serve.py); that keeps a one-file edit fast at national scale.

`MANIFEST` in the output records every file and the key it was made from, so
the next build can reuse files whose inputs did not change (reuse.py).
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import filelock

from lofte.content.errors import LofteError
from lofte.outputs.protocol import OutputFile

MANIFEST = ".lofte-build.json"


class MissingReuse(LofteError):
    """A producer reused a file that is no longer in the output (someone removed it)."""


# What the writer says for a disk problem; any other error is not the disk's and keeps its own message.
DISK_ERRORS = {errno.ENOSPC: "disken är full", getattr(errno, "EDQUOT", errno.ENOSPC): "diskkvoten är slut",
               errno.EROFS: "mappen är skrivskyddad", errno.EACCES: "behörighet saknas",
               errno.EPERM: "behörighet saknas", errno.EIO: "diskfel"}


class WriteFailed(LofteError):
    """The disk refused a write: `reason` in plain Swedish."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _disk(exc: OSError) -> WriteFailed | OSError:
    """A disk error as WriteFailed; other OSErrors (a bug, a missing input) unchanged."""
    reason = DISK_ERRORS.get(exc.errno)
    return WriteFailed(reason) if reason else exc


@contextmanager
def output_lock(out_dir: Path):
    """Hold an exclusive lock for this output directory (waits for another build).

    Re-entrant in one thread (the engine holds it for the whole build, the
    writer takes it again); other threads and processes wait.
    """
    out_dir = Path(os.path.abspath(out_dir))
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        # The OS's lock (fcntl, msvcrt) leaves the file in place; a soft lock, where
        # neither exists, releases by removing it.
        lock = filelock.FileLock(lock_path, is_singleton=True,
                                 preserve_lock_file=filelock.FileLock is not filelock.SoftFileLock)
        lock.acquire()
    except OSError as exc:
        reason = DISK_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise LofteError(f"kunde inte skriva webbplatsen till {out_dir}: {reason} "
                         f"(låsfilen {lock_path.name} går inte att skapa). Den förra versionen är orörd.") from None
    try:
        yield
    finally:
        lock.release()


def retired(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.old"


def recover(out_dir: Path) -> bool:
    """Put back a site that a build killed between its two renames left aside.

    Call with the lock held. True (and a line on stderr) when it did."""
    out_dir = Path(os.path.abspath(out_dir))
    old = retired(out_dir)
    if out_dir.exists() or not old.is_dir():
        return False
    os.rename(old, out_dir)
    print(f"Obs: ett tidigare bygge avbröts mitt i bytet av webbplatsen. Den förra versionen "
          f"är återställd till {out_dir} från {old.name}.", file=sys.stderr, flush=True)
    return True


def check_target(out_dir: Path, shown: str, guarded: dict[str, Path], around: dict[str, Path]) -> None:
    """Refuse `--out` (typed as `shown`) before anything is touched, if replacing it
    would take something with it.

    `guarded` (what → folder) may be neither the output, inside it, nor around it
    (the content, the cache, the templates); `around` may not be the output or
    inside it (the folder the command runs in). An existing output must be a
    folder that is empty or was made by a build (it has the manifest).
    """
    out = Path(os.path.realpath(out_dir))
    for what, folder in {**guarded, **around}.items():
        path = Path(os.path.realpath(folder))
        if out == path or out in path.parents:
            raise LofteError(f"--out {shown}: mappen {'är' if out == path else 'innehåller'} {what} ({path}). "
                             "Webbplatsen ersätter hela mappen vid varje bygge, så den skulle försvinna. "
                             "Välj en egen mapp för webbplatsen, t.ex. --out site.")
        if what in guarded and path in out.parents:
            raise LofteError(f"--out {shown}: mappen ligger i {what} ({path}). "
                             "Välj en mapp utanför, t.ex. --out site.")
    if not out.exists():
        return
    if not out.is_dir():
        raise LofteError(f"--out {shown}: {out} är en fil, inte en mapp. Välj en mapp, t.ex. --out site.")
    if (out / ".git").exists() or (any(out.iterdir()) and not (out / MANIFEST).is_file()):
        raise LofteError(f"--out {shown}: mappen {out} innehåller filer som inte kommer från ett bygge "
                         f"(filen {MANIFEST} saknas). Webbplatsen ersätter hela mappen vid varje bygge; "
                         "välj en tom eller ny mapp, t.ex. --out site.")


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
        try:
            return self._store_in_place(f) if self.in_place else self._store_staged(f)
        except OSError as exc:
            raise _disk(exc) from exc

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
        for leftover in (self.root, retired(self.out_dir)):
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
        old = retired(self.out_dir)
        if self.out_dir.exists():
            os.rename(self.out_dir, old)
        os.rename(self.root, self.out_dir)  # a kill before this line: `recover` puts `old` back
        shutil.rmtree(old, ignore_errors=True)

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


def _forget_keys(out_dir: Path) -> None:
    """An empty manifest: still marked as a build's output, but nothing in it is reused."""
    try:
        tmp = out_dir / f".{MANIFEST}.tmp"
        tmp.write_bytes(_manifest({}))
        os.replace(tmp, out_dir / MANIFEST)
    except OSError:
        (out_dir / MANIFEST).unlink(missing_ok=True)


@contextmanager
def writing(out_dir: Path, in_place: bool = False) -> Iterator[Output]:
    """An `Output` for the new content of `out_dir`, put in place when the block succeeds.

    In place applies only to an output a previous build made (it has a manifest).
    On any failure the staging directory is removed and the previous site is
    left as it was; the disk's own errors become one clear message.
    """
    out_dir = Path(os.path.abspath(out_dir))
    with output_lock(out_dir):
        recover(out_dir)
        out = Output(out_dir, in_place and (out_dir / MANIFEST).is_file())
        try:
            try:
                out._begin()
                yield out
                out._commit()
            except OSError as exc:
                raise _disk(exc) from exc
        except BaseException as exc:
            if out.in_place:  # files were replaced without their keys: the next build makes everything
                _forget_keys(out_dir)
            else:
                shutil.rmtree(out.root, ignore_errors=True)
                recover(out_dir)
            if isinstance(exc, WriteFailed):
                after = ("Nästa bygge gör om hela webbplatsen." if out.in_place  # files were replaced one by one
                         else "Den förra versionen är orörd.")
                raise LofteError(f"kunde inte skriva webbplatsen till {out_dir}: {exc.reason}. {after}") from exc
            raise
