"""The command to type, in every hint the tool prints, as it works where the user is.

A hint that says `python build.py new uppdatering …` fails when typed as written
(the system Python has no löfte, and an installed löfte has no build.py), so
every hint is made here from how this run was started: `lofte …` for the
installed command, `.venv/bin/python build.py …` (`.venv\\Scripts\\python
build.py …`, or `py build.py …` on Windows) in a checkout of löfte, and
`python -m lofte …` for the module. Paths are relative to the folder the user
will type in (`cwd`), so a hint for "after `cd sala-lofte`" still works there.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def _shown(path: str, cwd: str) -> str:
    """`path` as short as it can be typed from `cwd`: relative nearby, else absolute."""
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive (Windows)
        return path
    return path if rel.split(os.sep)[:2] == [os.pardir, os.pardir] else rel


def _python(cwd: str) -> str:
    """The Python that runs löfte now, as the user types it."""
    exe = os.path.abspath(sys.executable)
    inside = os.path.commonpath([exe, os.path.abspath(os.getcwd())]) == os.path.abspath(os.getcwd())
    if inside:  # the project's own virtual environment: .venv/bin/python
        shown = _shown(exe, cwd)
        return shown[:-4] if shown.lower().endswith(".exe") else shown
    if os.name == "nt":
        return "py"
    for name in ("python3", "python"):
        found = shutil.which(name)
        if found and os.path.realpath(found) == os.path.realpath(exe):
            return name
    return exe


def program(cwd: str | os.PathLike | None = None) -> str:
    """How to start löfte again, typed in `cwd` (default: the current folder)."""
    where = os.path.abspath(cwd or os.getcwd())
    started = sys.argv[0] if sys.argv and sys.argv[0] else "lofte"
    name = Path(started).name.lower()
    if name == "build.py":
        script = _shown(os.path.abspath(started), where)
        return f"{_python(where)} {script}"
    if name == "__main__.py" and Path(started).parent.name == "lofte":
        return f"{_python(where)} -m lofte"
    return "lofte"


def command(*words: str, cwd: str | os.PathLike | None = None, content: str | None = None) -> str:
    """A whole command line for a hint, e.g. command("check") → "lofte check"; with the
    content folder the user named, if not the standard one (`--content`)."""
    given = [] if content is None or content.rstrip("/\\") == "content" else ["--content", quoted(content)]
    return " ".join([program(cwd), *words, *given])


def quoted(text: str) -> str:
    """A word for a hint that every shell reads as one (cmd, PowerShell, sh): "Tryggare centrum"."""
    return f'"{text}"' if not text or any(c in text for c in ' "&|<>^%$`\'') else text
