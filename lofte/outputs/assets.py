"""Static assets: the stylesheet under templates/assets/, and content images.

Template assets are published under assets/ with the same names; images and
PDFs from content at their content paths, images re-encoded without metadata.
Everything is served from the site's own origin: nothing from elsewhere.
"""
from __future__ import annotations

from typing import Iterator

from lofte.content import images, urls

from . import pages
from .protocol import BuildContext, OutputFile


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    root = pages.TEMPLATES / "assets"
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield OutputFile(urls.ASSETS + path.relative_to(root).as_posix(), path.read_bytes())
    for rel in ctx.site.assets:
        yield OutputFile(urls.content_file(rel), images.clean(ctx.content_dir / rel))
