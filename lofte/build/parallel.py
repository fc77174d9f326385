"""Work spread over the machine's cores with worker processes.

Used for reading municipalities and for making their outputs; with one job, or
little work, everything runs in this process, which keeps tests and tracebacks
simple. Workers get what they need as arguments: the function and the data all
tasks share (`shared`, e.g. the finished model) when the pool starts, then one
task at a time. So the build works with every start method: `fork` (Linux: the
workers share the parent's memory, nothing is copied), and `spawn` (Windows,
macOS), where `shared` is pickled once per worker.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from contextlib import contextmanager, nullcontext
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_fn: Callable | None = None  # in a worker: what the pool was started with (_start)
_shared: Any = None
_frozen = 0  # depth of nested frozen() blocks in this process


@contextmanager
def frozen() -> Iterator[None]:
    """Leave every object that exists now out of garbage collections until the block ends.

    For the finished model (immutable from then on): a full collection would walk
    its millions of objects again and again while pages are made (bench/README.md,
    session 5), and a forked worker that
    walked them would copy the parent's memory. Blocks nest: only the outermost
    one gives the objects back to the collector.
    """
    global _frozen
    gc.freeze()
    _frozen += 1
    try:
        yield
    finally:
        _frozen -= 1
        if not _frozen:
            gc.unfreeze()


def jobs(requested: int) -> int:
    return requested if requested > 0 else (os.cpu_count() or 1)


def start_method(requested: str | None = None) -> str:
    """`fork` where it is safe and the default's cost is highest (Linux), else the platform's default."""
    if requested:
        return requested
    return "fork" if sys.platform.startswith("linux") else multiprocessing.get_start_method()


def chunks(items: list[T], n: int, tail: int = 4) -> list[list[T]]:
    """Split into about n slices of neighbouring items (deterministic order).

    Slices differ in size by one at most, and the last `tail` are cut in half:
    the cores finish at about the same time instead of one waiting for the
    other's last full slice.
    """
    if not items:
        return []
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    bounds = [i * size + min(i, extra) for i in range(n + 1)]
    out = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        if k >= n - tail and b - a > 1:
            mid = (a + b) // 2
            out += [items[a:mid], items[mid:b]]
        else:
            out.append(items[a:b])
    return out


def map_ordered(fn: Callable[[Any, T], R], tasks: Iterable[T], workers: int, method: str | None = None,
                shared: Any = None, meanwhile: Callable[[], object] | None = None) -> Iterator[R]:
    """fn(shared, task) over tasks, results in task order; in this process when workers <= 1.

    `fn` must be a module-level function. `meanwhile` is work the parent needs
    next: it runs in this process once the workers have started, done while it
    would wait, or first when there are no workers.
    """
    tasks = list(tasks)
    if workers <= 1 or len(tasks) <= 1:
        if meanwhile is not None:
            meanwhile()
        yield from (fn(shared, task) for task in tasks)
        return
    method = start_method(method)
    forked = method == "fork"
    # Forked workers: a collection in a worker would visit (and so copy) every
    # object of the parent's model; frozen objects are left out of collections.
    # Each worker lives as long as the pool: a new one starts cold (its caches
    # empty, every page it touches copied again). Replacing workers kept peak
    # memory lower but cost more time than the memory was worth
    # (docs/arkitektur.md, "Workers live as long as their pool").
    with frozen() if forked else nullcontext():
        yield from _pooled(fn, tasks, workers, method, shared, meanwhile)


def _pooled(fn, tasks, workers, method, shared, meanwhile):
    pool = multiprocessing.get_context(method).Pool(min(workers, len(tasks)), _start, (fn, shared))
    try:
        results = pool.imap(_run, tasks)
        if meanwhile is not None:
            meanwhile()
        yield from results
        # close + join, not terminate: with replaced workers, terminate raced with
        # the pool starting a new one and then waited for it forever (seen under
        # heavy load); joining is the orderly end in any case.
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # after join: nothing left; on an error: stop the workers


def _start(fn: Callable, shared: Any) -> None:
    """A worker's start: keep what every task needs. Workers die at once when the
    pool ends them (SIGTERM): a handler inherited from the embedding program (one
    that raises SystemExit) could leave a worker waiting forever on the pool's
    queue lock. Ctrl-C is the parent's to handle."""
    global _fn, _shared
    _fn, _shared = fn, shared
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(task):
    return _fn(_shared, task)
