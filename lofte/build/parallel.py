"""Work spread over the machine's cores with forked worker processes.

Forking shares the parent's memory (the finished model, compiled templates)
with the workers for free; only the tasks and results are pickled. Used for
reading municipalities and for rendering pages; with one job, or little work,
everything runs in-process, which keeps tests and tracebacks simple.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def jobs(requested: int) -> int:
    return requested if requested > 0 else (os.cpu_count() or 1)


def chunks(items: list[T], n: int, tail: int = 4) -> list[list[T]]:
    """Split into about n slices of neighbouring items (deterministic order).

    Slices differ in size by one at most, and the last `tail` are cut in half:
    the cores finish at about the same time instead of one waiting for the
    other's last full slice (~0.4 s of one idle core per phase at N=290).
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


def map_ordered(fn: Callable[[T], R], tasks: Iterable[T], workers: int,
                meanwhile: Callable[[], object] | None = None) -> Iterator[R]:
    """fn over tasks, results in task order; in-process when workers <= 1.

    `meanwhile` runs in this process once the workers have started (only if
    there are workers): work the parent needs next, done while it would wait.
    """
    tasks = list(tasks)
    if workers <= 1 or len(tasks) <= 1:
        yield from map(fn, tasks)
        return
    # A worker is replaced after two tasks: what it copied of the parent's pages
    # (touching an object writes its reference count) and what its allocator keeps
    # would otherwise grow with every task. At national scale: peak 268 → 218 MB.
    with multiprocessing.get_context("fork").Pool(min(workers, len(tasks)), _worker_start,
                                                  maxtasksperchild=2) as pool:
        results = pool.imap(fn, tasks)
        if meanwhile is not None:
            meanwhile()
        yield from results


def _worker_start() -> None:
    """Workers die at once when the pool ends them (SIGTERM): a handler inherited
    from the embedding program (e.g. one that raises SystemExit) can leave a worker
    waiting forever on the pool's queue lock."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
