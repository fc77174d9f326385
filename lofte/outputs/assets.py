"""Static assets: the stylesheet under templates/assets/, and content images.

Template assets are published under assets/ with the same names; images and
PDFs from content at their content paths, images re-encoded without metadata.
Everything is served from the site's own origin: nothing from elsewhere.
"""
from __future__ import annotations

from typing import Iterator

from lofte.content import images, urls

from .protocol import BuildContext, OutputFile, SiteOutput
from .templating import TEMPLATES


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    root = (ctx.templates or TEMPLATES) / "assets"
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield OutputFile(urls.ASSETS + path.relative_to(root).as_posix(), path.read_bytes())
    for rel in ctx.site.assets:
        yield OutputFile(urls.content_file(rel), images.clean(ctx.content_dir / rel))


OUTPUT = SiteOutput("assets", reads="site", make=produce)  # made every time: the writer keeps unchanged bytes
