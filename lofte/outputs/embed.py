"""The embeddable period summary: what its template needs besides the model.

A municipality puts the page in an <iframe> on its own site, so it must not load
anything: its style is inlined, and its Content-Security-Policy allows exactly
that style (by hash) and nothing else, so no script or request can sneak in.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path


def style(css_file: Path) -> dict[str, str]:
    """The inline CSS (templates/_embed.css) and its CSP hash, as template variables
    (read every time: the dev server must see an edited stylesheet)."""
    return _style(css_file.read_text("utf-8"))


@lru_cache(maxsize=4)
def _style(css: str) -> dict[str, str]:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return {"style": css, "style_hash": f"sha256-{digest}"}


def iframe_height(promises: int) -> int:
    """A starting height in pixels for the snippet, enough at phone width for
    titles of two or three lines; the iframe scrolls if it is still too short."""
    return 320 + 110 * promises
