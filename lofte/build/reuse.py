"""Work not repeated: one key scheme for everything a build may reuse.

The rule: a file, a part or a model is reused only under a key of everything it
was made from, and the engine, not the output, derives that key from what the
output declares it reads (lofte/outputs/protocol.py):

    key = sha256(inputs, output name, what it reads)

- `inputs`: what every file reads: this code and the libraries that shape
  output (`code_version`), the templates, site.yaml, the build date, base URL
  and options (`inputs_fingerprint`);
- what it reads: one municipality's folder (`fingerprint`: every file's path,
  size and modification time), every municipality's, or nothing more (settings).

Where reused work lives:
- the output's manifest (write.py) records each file's key: a file whose key
  is unchanged is kept (hard-linked, or left in place) without being made;
- `Memory`: what a process keeps between its builds (the dev server): each
  municipality's read model, and per output its file paths and site-wide part;
- `ReadCache`: each municipality's model on disk, for the next CLI build, in a
  format that cannot run code (codec.py);
- `Store`: rendered files by a key of their exact data (posters), on disk.

A wrong key would publish stale content, so tests/test_incremental.py compares
reused builds with clean ones after edits, additions, renames and deletions.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from lofte.outputs import templatefiles

from . import codec

LIBRARIES = ("cmarkgfm", "nh3", "PyYAML", "Pillow", "Jinja2", "MarkupSafe", "Babel", "icalendar", "segno")


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of this package's files (code, message catalogues, scaffolds) and the libraries that shape output."""
    h = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
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


def inputs_fingerprint(templates: tuple[str, ...], settings_file: Path, *options: object) -> str:
    """What every output reads: code, the template files (the site's own over the
    packaged ones, templatefiles.py), site.yaml and the build's options."""
    h = hashlib.sha256("\0".join([code_version(), *map(str, options)]).encode())
    for rel, path in templatefiles.files(templates).items():
        h.update(rel.encode() + b"\0" + path.read_bytes())
    h.update(settings_file.read_bytes())
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


@dataclass(frozen=True)
class Keys:
    """The one key scheme (module docstring). Plain data: workers get a copy."""
    inputs: str
    fingerprints: dict[str, str]  # municipality slug -> fingerprint of its folder

    def _key(self, output: str, reads: str) -> str:
        return hashlib.sha256(f"{self.inputs}\0{output}\0{reads}".encode()).hexdigest()

    def municipality(self, output: str, slug: str) -> str:
        return self._key(output, f"municipality\0{slug}\0{self.fingerprints[slug]}")

    def site(self, output: str, reads: str) -> str:
        """`reads` is "site" (every municipality) or "settings" (nothing but the inputs)."""
        everything = "".join(v for _, v in sorted(self.fingerprints.items())) if reads == "site" else ""
        return self._key(output, f"{reads}\0{everything}")

    def facts(self, slug: str, build_date: object) -> str:
        return self._key("facts", f"{slug}\0{self.fingerprints[slug]}\0{build_date}")


@dataclass
class Kept:
    """What a process remembers of one output of one municipality."""
    key: str
    paths: list[str]
    part: Any = None


@dataclass
class Memory:
    """What a process keeps between its builds. A one-off build keeps nothing
    across builds (`keep=False`); the dev server keeps every municipality's
    models, facts, file paths and parts, so an edit remakes one municipality."""
    keep: bool = False
    reads: dict[tuple[str, str], tuple[str, Any]] = field(default_factory=dict)  # (root, slug) -> (fp, result)
    kept: dict[tuple[str, str], Kept] = field(default_factory=dict)  # (output, slug) -> Kept
    facts: dict[str, tuple[str, Any]] = field(default_factory=dict)  # slug -> (key, facts)

    def get(self, output: str, slug: str, key: str) -> Kept | None:
        hit = self.kept.get((output, slug))
        return hit if hit is not None and hit.key == key else None

    def remember(self, output: str, slug: str, kept: Kept) -> None:
        if self.keep:
            self.kept[(output, slug)] = kept

    def memo_facts(self, slug: str, key: str, make: Callable[[], Any]) -> Any:
        hit = self.facts.get(slug)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = make()
        if self.keep:
            self.facts[slug] = (key, value)
        return value


class ReadCache:
    """Each municipality's read result (model, accepted assets, errors) under its fingerprint."""

    def __init__(self, root: Path, cache_dir: Path, memory: Memory):
        self.root = str(root.resolve())
        self.dir = cache_dir / "read"
        self.memory = memory

    def _file(self, slug: str) -> Path:
        return self.dir / f"{slug}.json"

    def get(self, slug: str, fp: str):
        hit = self.memory.reads.get((self.root, slug))
        if hit and hit[0] == fp:
            return hit[1]
        try:
            stored_fp, result = self.decode(self._file(slug).read_bytes())
        except (OSError, ValueError):  # missing, damaged, old or foreign: a miss
            return None
        if stored_fp != fp:
            return None
        self.memory.reads[(self.root, slug)] = (fp, result)
        return result

    @staticmethod
    def decode(data: bytes) -> tuple[str, tuple]:
        """A record's fingerprint and result (model, assets, errors); ValueError if it is none."""
        stored_fp, model, assets, errors = codec.loads(data)
        return stored_fp, (model, set(assets), list(errors))

    def has(self, slug: str) -> bool:
        """Is anything kept for this municipality (in memory or on disk) to compare with?"""
        return (self.root, slug) in self.memory.reads or self._file(slug).is_file()

    def known_fingerprint(self, slug: str) -> str | None:
        """The fingerprint this process last read the municipality with (dev server)."""
        hit = self.memory.reads.get((self.root, slug))
        return hit[0] if hit else None

    def forget(self, slug: str) -> None:
        """Drop the remembered result: it is being read again, and if that read
        fails, the next build must not trust the old fingerprint."""
        self.memory.reads.pop((self.root, slug), None)

    def store(self, slug: str, fp: str, result) -> bytes | None:
        """Write `result` to the cache directory (any process may) and return the record
        (None if the codec cannot hold it); a cache that cannot be written (a read-only
        folder, a full disk) only costs time."""
        model, assets, errors = result
        try:
            data = codec.dumps([fp, model, assets, errors])
        except (TypeError, ValueError):
            return None
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp = self.dir / f".{slug}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self._file(slug))
        except OSError:
            pass
        return data

    def remember(self, slug: str, fp: str, result) -> None:
        self.memory.reads[(self.root, slug)] = (fp, result)


class Store:
    """Files by a key of their exact inputs, on disk: {dir}/{group}/{key}/{name}.

    Entries are folders written aside and renamed into place, so a crash never
    leaves half an entry; they hold raw bytes only. `prune(group, keep)` drops a
    group's entries that the latest make of that group did not use.
    """

    def __init__(self, root: Path):
        self.root = root

    def get(self, group: str, key: str, names: tuple[str, ...] | None = None) -> dict[str, bytes] | None:
        """The entry's files by name (`names`, or all it holds), or None when it is not stored."""
        entry = self.root / group / key
        try:
            if names is None:
                names = tuple(sorted(p.name for p in entry.iterdir() if not p.name.startswith(".")))
            return {name: (entry / name).read_bytes() for name in names} or None
        except OSError:
            return None

    def put(self, group: str, key: str, files: dict[str, bytes]) -> None:
        folder = self.root / group
        tmp = folder / f".{key}.{os.getpid()}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            for name, data in files.items():
                (tmp / name).write_bytes(data)
            os.replace(tmp, folder / key)
        except OSError:  # another process stored the same entry first, or the cache is read-only
            shutil.rmtree(tmp, ignore_errors=True)

    def prune(self, group: str, keep: set[str]) -> None:
        folder = self.root / group
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.name not in keep:
                    shutil.rmtree(entry, ignore_errors=True)

    def prune_groups(self, keep: set[str]) -> None:
        """Drop the groups of municipalities that are gone."""
        if self.root.is_dir():
            for entry in self.root.iterdir():
                if entry.name not in keep:
                    shutil.rmtree(entry, ignore_errors=True)
