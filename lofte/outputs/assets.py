"""Static assets: the stylesheet under templates/assets/ (a site's own first), and content images.

Template assets are published under assets/ with the same names; images and
PDFs from content at their content paths, images re-encoded without metadata.
Everything is served from the site's own origin: nothing from elsewhere.
"""
from __future__ import annotations

from typing import Iterator

from lofte.content import images, urls

from . import templatefiles
from .protocol import BuildContext, OutputFile, SiteOutput
from .templating import TEMPLATES


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    for rel, path in templatefiles.files(ctx.templates or (str(TEMPLATES),), "assets").items():
        yield OutputFile(urls.ASSETS + rel, path.read_bytes())
    for rel in ctx.site.assets:
        yield OutputFile(urls.content_file(rel), images.clean(ctx.content_dir / rel))


OUTPUT = SiteOutput("assets", reads="site", make=produce)  # made every time: the writer keeps unchanged bytes
