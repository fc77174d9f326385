"""A cache of rendered images, keyed on everything that decides their bytes.

Rendering an A3 poster takes a few tenths of a second; a national site has
hundreds. The key (render.key) hashes the data drawn, the font files, this
package's source and the library versions, so a hit is always safe to reuse
and any change to content, code or fonts misses. Entries are directories
written aside and renamed into place, so a crash never leaves half an entry.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path


class Cache:
    def __init__(self, root: Path):
        self.root = root

    def get(self, key: str, names: tuple[str, ...]) -> dict[str, bytes] | None:
        entry = self.root / key
        try:
            return {name: (entry / name).read_bytes() for name in names}
        except OSError:
            return None

    def names(self, key: str) -> tuple[str, ...]:
        """The files an entry holds (a poster's page count shows only once it is drawn)."""
        try:
            return tuple(sorted(path.name for path in (self.root / key).iterdir()))
        except OSError:
            return ()

    def has(self, key: str, names: tuple[str, ...]) -> bool:
        return all((self.root / key / name).is_file() for name in names)

    def put(self, key: str, files: dict[str, bytes]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{key}.{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        try:
            os.replace(tmp, self.root / key)
        except OSError:  # another process stored the same entry first
            shutil.rmtree(tmp, ignore_errors=True)

    def prune(self, keep: set[str]) -> None:
        """Remove entries this build did not use, so the cache does not grow forever."""
        if not self.root.is_dir():
            return
        for entry in self.root.iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
