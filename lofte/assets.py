"""Static assets: the stylesheet and other files under templates/assets/.

They are published under assets/ with the same names. Everything is served
from the site's own origin: no fonts, scripts or styles from elsewhere.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from . import urls
from .html import TEMPLATES
from .outputs import BuildContext, OutputFile


def produce(ctx: BuildContext, templates: Path = TEMPLATES) -> Iterator[OutputFile]:
    root = templates / "assets"
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield OutputFile(urls.ASSETS + path.relative_to(root).as_posix(), path.read_bytes())
