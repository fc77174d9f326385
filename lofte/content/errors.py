"""Errors: content problems are collected and reported together, without traceback.

`ContentError` is one problem in one content file; `BuildAborted` carries all of a
run's problems to the CLI, which prints them and exits non-zero. Anything else is
an internal error and keeps its traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class ContentError:
    path: str  # relative to the project (e.g. "content/koping/2024/lofte.yaml")
    line: int  # 1-based; 0 when the problem is the file as a whole
    field: str  # dotted field path, "" when not about one field
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class LofteError(Exception):
    """A user-facing error: printed as text, never as a traceback."""


class BuildAborted(LofteError):
    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(f"{len(self.errors)} fel i innehållet")

    def report(self) -> str:
        lines = [str(e) for e in self.errors]
        n = len(self.errors)
        lines.append(f"Bygget stoppades: {n} fel. Den förra versionen av webbplatsen är orörd."
                     if n != 1 else "Bygget stoppades: 1 fel. Den förra versionen av webbplatsen är orörd.")
        return "\n".join(lines)


class ErrorList:
    """Collects content errors for one run; `raise_if_any` ends the run."""

    def __init__(self) -> None:
        self.items: list[ContentError] = []

    def add(self, path: str, line: int, field: str, message: str) -> None:
        self.items.append(ContentError(path, line, field, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise BuildAborted(self.items)
