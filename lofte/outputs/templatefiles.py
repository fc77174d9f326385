"""Where the templates are: packaged with löfte, overridden file by file by a site's own.

An installed löfte carries its templates as package data (lofte/templates/, mapped
from the repository's top-level templates/ in pyproject.toml), found through
importlib.resources; a source checkout (or an editable install) has them beside
the package. A site may keep a `templates/` folder beside its `content/`: a file
there (say `assets/style.css` or `base.html`) is used instead of the packaged
one of the same name, and every other file still comes from the package, so a
site changes only what it needs and gets the rest from each new version.
"""
from __future__ import annotations

import importlib.resources
import os
from functools import lru_cache
from pathlib import Path

import lofte


def _packaged() -> Path:
    installed = importlib.resources.files(lofte) / "templates"
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    return Path(lofte.__file__).resolve().parent.parent / "templates"  # the repository's own folder


PACKAGED = _packaged()


def search_path(content_dir: Path) -> tuple[str, ...]:
    """The template folders in the order they are searched: the site's own first, if it has one.

    Asked once a page, so only the folder's existence is looked up each time."""
    own = os.path.join(os.path.dirname(os.path.normpath(content_dir)) or ".", "templates")
    return _search_path(own, os.path.isdir(own))


@lru_cache(maxsize=16)
def _search_path(own: str, exists: bool) -> tuple[str, ...]:
    if exists and Path(own).resolve() != PACKAGED.resolve():
        return (own, str(PACKAGED))
    return (str(PACKAGED),)


def find(dirs: tuple[str, ...], name: str) -> Path:
    """The file `name` (e.g. "_embed.css") from the first folder that has it."""
    for folder in dirs:
        path = Path(folder) / name
        if path.is_file():
            return path
    return Path(dirs[-1]) / name


def files(dirs: tuple[str, ...], under: str = "") -> dict[str, Path]:
    """Every file below `under` by its relative path, the first folder's winning; sorted."""
    found: dict[str, Path] = {}
    for folder in dirs:
        root = Path(folder) / under
        for path in root.rglob("*") if root.is_dir() else ():
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                found.setdefault(path.relative_to(root).as_posix(), path)
    return dict(sorted(found.items()))
