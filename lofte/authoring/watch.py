"""Which input files changed, as the operating system reports them (watchfiles).

The dev server must notice a save at once, also at national scale, where
listing every content file to look for changes is too slow to do often
(bench/README.md). watchfiles (Rust `notify`: inotify, FSEvents, ReadDirectoryChangesW, and polling where those
do not work, e.g. WSL) reports each change within milliseconds and costs nothing
while nobody types.

A watch belongs to a folder, not to its name: when a watched folder is removed
or replaced (a git checkout, a folder moved away and back) its watch is gone, so
the watcher checks the folders' identity at every pause, starts again when they
are back, and reports that anything may have changed (None). It reports None
too once its first watch is set up, since what changed before is unknown; a
caller that needs to know when the watch is live waits for that report. Where
the system gives no events at all (out of inotify watches), watchfiles looks
for changes every 0.3 s instead.
"""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Callable

import watchfiles

from lofte.content.load import skipped

STEP_MS = 50  # a burst of saves (an editor's, a git checkout's) has ended after this long without another
MAX_BURST_MS = 5_000  # report anyway if files keep changing for longer
PAUSE_MS = 250  # how often an idle watcher checks that its folders are still the same folders


def ignored(name: str) -> bool:
    """What the loader skips (load.skipped), and Python's caches beside the templates."""
    return skipped(name) or name == "__pycache__"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Watcher:
    """Calls `report(changed)` from its own thread after each burst of changes under
    `roots`: the changed paths, or None when the watch (re)starts or a root itself
    came, went or was replaced.

    Roots are resolved (macOS reports /private/var/… for /var/…), and so are the
    paths reported; compare them with resolved paths.
    """

    def __init__(self, roots: tuple[Path, ...], report: Callable[[frozenset[Path] | None], None]):
        self.roots = tuple(Path(os.path.realpath(r)) for r in roots)
        self.report = report
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lofte-watch", daemon=True)

    def start(self) -> "Watcher":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _wanted(self, _change, path: str) -> bool:
        p = Path(path)
        for root in self.roots:
            if p == root or root in p.parents:
                return not any(ignored(part) for part in p.relative_to(root).parts)
        return False

    def _run(self) -> None:
        last = None  # the roots' identities when the last watch started
        fresh = True  # no watch yet, or a root came, went or was replaced: report None once the watch is up
        polling = None  # True once the system would not give events: watchfiles looks every 0.3 s instead
        warned = False
        while not self._stop.is_set():
            ids = {root: _identity(root) for root in self.roots}
            fresh = fresh or (last is not None and ids != last)
            last = ids
            present = [str(root) for root, i in ids.items() if i is not None]
            if not present:
                if fresh:
                    self.report(None)
                    fresh = False
                self._stop.wait(PAUSE_MS / 1000)
                continue
            try:
                for changes in watchfiles.watch(*present, watch_filter=self._wanted, step=STEP_MS,
                                                debounce=MAX_BURST_MS, rust_timeout=PAUSE_MS,
                                                yield_on_timeout=True, stop_event=self._stop,
                                                raise_interrupt=False, force_polling=polling):
                    paths = frozenset(Path(p) for _, p in changes)
                    gone = {Path(p) for change, p in changes if change == watchfiles.Change.deleted}
                    if any(_identity(r) != ids[r] for r in self.roots) or gone & set(self.roots):
                        fresh = True
                        break  # watch the roots again
                    paths -= set(self.roots)  # a root "modified" (polling sees its mtime): its children say what
                    if fresh:  # the first pause or burst of a new watch: anything may have changed
                        self.report(None)
                        fresh = False
                    elif paths:
                        self.report(paths)
            except FileNotFoundError:  # a root vanished while its watch was set up
                fresh = True
            except Exception as exc:  # no events here (out of inotify watches), or the watch broke
                fresh = True
                if polling and not warned:  # looking did not work either
                    print(f"Obs: ändringar i innehållet märks inte just nu ({exc}); försöker igen.",
                          file=sys.stderr, flush=True)
                    warned = True
                polling = True
            self._stop.wait(PAUSE_MS / 1000)
