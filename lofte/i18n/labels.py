"""Plain-text labels for outputs that leave the web page: feeds, calendars, data.

A feed reader or a calendar app shows a title without the page around it, so an
example has to say so in the title itself, and an actor key has to become a name.
Pages use the same functions (through lofte.outputs.views), so a name or a
label is defined once.
"""
from __future__ import annotations

from typing import Callable

from lofte.content import statuses
from lofte.content.model import Municipality

EXAMPLE_PREFIX = "Exempel: "


def example_title(title: str, example: bool) -> str:
    """`title`, starting with "Exempel:" when it comes from example data."""
    if example and not title.casefold().startswith("exempel"):
        return EXAMPLE_PREFIX + title
    return title


def actor_name(m: Municipality, key: str, _: Callable[[str], str] | None = None) -> str:
    """"polisen", "kommunen" or a partner id as the name residents know; `_` translates "Polisen"."""
    if key == "polisen":
        return _("Polisen") if _ else "Polisen"
    if key == "kommunen":
        return m.name
    return next((p.name for p in m.partners if p.id == key), key)


def status_label(key: str | None) -> str:
    """The Swedish label of a status or verdict key ("" for none)."""
    return statuses.BY_KEY[key].text("sv") if key else ""
