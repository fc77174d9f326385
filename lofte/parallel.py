"""Work spread over the machine's cores with forked worker processes.

Forking shares the parent's memory (the finished model, compiled templates)
with the workers for free; only the tasks and results are pickled. Used for
reading municipalities and for rendering pages; with one job, or little work,
everything runs in-process, which keeps tests and tracebacks simple.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def jobs(requested: int) -> int:
    return requested if requested > 0 else (os.cpu_count() or 1)


def chunks(items: list[T], n: int) -> list[list[T]]:
    """Split into about n slices of neighbouring items (deterministic order)."""
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_ordered(fn: Callable[[T], R], tasks: Iterable[T], workers: int) -> Iterator[R]:
    """fn over tasks, results in task order; in-process when workers <= 1."""
    tasks = list(tasks)
    if workers <= 1 or len(tasks) <= 1:
        yield from map(fn, tasks)
        return
    with multiprocessing.get_context("fork").Pool(min(workers, len(tasks))) as pool:
        yield from pool.imap(fn, tasks)
