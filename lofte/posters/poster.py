"""A print poster (A3 or A4, portrait): plan the space, then draw.

From the top: the example label (if any), the header (header.py), the promises
(promises.py), and a footer with the QR code, the printed address and where to
give feedback. No text is smaller than typeset.BODY_MIN_PT, so an A3 poster
holds about thirty lines: space is planned before anything is drawn. PLANS
lists header forms and levels of promise detail from generous to lean; the
first at which every promise fits wins. If none fits, the poster lists as many
promises as fit and says how many more there are and where to read them.
"""
from __future__ import annotations

from . import palette, qr
from .canvas import Canvas
from .data import PosterData
from .header import COMPACT, FULL, NO_TALLY, TIGHT, Header, HeaderWriter
from .paper import Sheet
from .promises import BETWEEN_MM, Detail, ListWriter, Placed
from .typeset import Page

QR_MIN_MM = 42  # the symbol without quiet zone; ≥ 40 mm so phones read it from a step away
FOLLOW = "Följ arbetet och se hur det går:"

ROOMIER, ROOMY = Detail(3, True, True, 1.25), Detail(3, True, True, 1.12)
ALL, SHORTER = Detail(3, True, True), Detail(2, True, True)
NO_LATEST, LEANEST = Detail(2, True, False), Detail(2, False, False)
# Tried in order: a few promises get larger type; when space runs out, header
# luxury goes before promise content, and the latest update before the bar.
PLANS = ((FULL, ROOMIER), (FULL, ROOMY), (FULL, ALL), (NO_TALLY, ALL), (COMPACT, ALL), (TIGHT, ALL),
         (TIGHT, SHORTER), (TIGHT, NO_LATEST), (TIGHT, LEANEST))


def footer(p: Page, data: PosterData) -> int:
    """Draw the QR code and address, and below them where to give feedback; returns the space's top.

    The feedback text is the site's own (`site.feedback`, often a phone number in
    a sentence), so it gets the full width and is not cut short.
    """
    code = qr.render(data.url, p.u(QR_MIN_MM))
    tx = p.x0 + code.symbol + p.u(8)
    follow = p.text(FOLLOW, p.x1 - tx, lines=2)
    address = p.text(data.address, p.x1 - tx, lines=3, weight="bold")
    feedback = p.text(data.feedback, p.width, lines=5)
    row = max(code.symbol, follow.height + address.height)
    top = p.y1 - feedback.height - p.u(4) - row
    # The quiet zone lies in the white margin; the dark modules line up with the text edge.
    p.c.paste(palette.INK, (p.x0 - code.quiet, top - code.quiet), code.mask)
    p.c.block(tx, p.c.block(tx, top, follow, palette.INK), address, palette.INK)
    p.c.block(p.x0, p.y1 - feedback.height, feedback, palette.INK)
    rule = top - p.u(5) - max(2, p.u(1.5))
    p.rule(rule, 1.5, palette.ACCENT)
    return rule - p.u(5)


def plan(head: HeaderWriter, items: ListWriter, data: PosterData, room: int) -> tuple[Header, list[Placed], int]:
    """The first plan at which every promise fits, else as many promises as fit; and how many did not."""
    headers = {}
    for form, detail in PLANS:
        header = headers.setdefault(form, head.measure(form))
        placed = [items.place(item, detail) for item in data.items]
        if items.height(placed) + header.height <= room:
            return header, placed, 0
    more = items.more(len(data.items), data.address).height + items.p.u(BETWEEN_MM)
    placed = []
    for item in data.items:
        candidate = placed + [items.place(item, detail)]
        if items.height(candidate) + more + header.height > room:
            break
        placed = candidate
    return header, placed, len(data.items) - len(placed)


def draw(data: PosterData, sheet: Sheet) -> Canvas:
    p = Page(sheet)
    head, items = HeaderWriter(p, data), ListWriter(p)
    y = head.example_label(p.y0) if data.example else p.y0
    bottom = footer(p, data)
    header, placed, hidden = plan(head, items, data, bottom - y)
    y = head.draw(header, y)
    items.draw(placed, items.more(hidden, data.address) if hidden else None, y)
    return p.c
