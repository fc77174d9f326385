"""The HTML a web editor copies to show a period's summary on another site (an iframe)."""
from __future__ import annotations

from markupsafe import Markup

from lofte.content import urls

from ..embed import iframe_height


def snippet(v: dict, period) -> str:
    """The iframe code of `period` as text (the page escapes it again to show it)."""
    site, lang = v["site"], v["lang"]
    path = urls.embed(period)
    if path in v["localized_pages"]:
        path = urls.localized(path, lang)
    return str(Markup('<iframe src="%s" title="%s" width="100%%" height="%d" style="border:0;max-width:40rem" '
                      'loading="lazy"></iframe>') % (urls.absolute(site.base_url, path), period.title,
                                                     iframe_height(len(period.promises))))
