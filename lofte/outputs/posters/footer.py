"""The foot of every poster page: QR code and address, whom to contact, page and date.

Beside the QR code, and on below it at full width when they need more room
than its height: the invitation and the printed address, the contact lines
from content (the municipality's, then the police's with 114 14 and 112 for
emergencies), each whole, never cut; last, in small, the page number and when
the poster was made (the main date, when something was last reported, is in
the header).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import palette, qr
from .canvas import first_baseline
from .data import PosterData
from .layout import Block
from .qr import Code
from .typeset import Page

QR_MM = (42, 40)  # the symbol without quiet zone: aimed at, and at least (so phones read it from a step away)
QR_TEXT_MM = 8  # from the symbol to the text beside it
RULE_MM, RULE_GAP_MM = 1.5, 5  # the rule above the footer and the space either side
CONTACT_LINES = 4  # lines a contact may wrap to (a name, a phone number and an address fit in two)


@dataclass(frozen=True, slots=True)
class Part:
    block: Block
    ink: int
    beside: bool  # beside the QR code (else at full width below it)
    top: int  # from the top of the QR code


@dataclass(frozen=True, slots=True)
class Footer:
    code: Code
    parts: tuple[Part, ...]

    def above(self, p: Page) -> int:
        """From the rule to the QR code: the space, and never less than the quiet zone."""
        return max(p.gap(RULE_GAP_MM), self.code.quiet)

    def row(self) -> int:
        """From the top of the QR code to the bottom of the printable area."""
        last = self.parts[-1]
        return max(self.code.symbol, last.top + last.block.height)

    def height(self, p: Page) -> int:
        """From the space above the rule over the footer to the bottom of the printable area."""
        return p.gap(RULE_GAP_MM) + max(2, p.u(RULE_MM)) + self.above(p) + self.row()


def footer(p: Page, data: PosterData, page: int, pages: int) -> Footer:
    """The footer of page `page` of `pages`, measured."""
    code = qr.render(data.url, p.u(QR_MM[1]), p.u(QR_MM[0]))
    beside = p.width - code.symbol - p.u(QR_TEXT_MM)
    made = data.made if pages == 1 else f"{data.words.page.format(n=page, total=pages)} · {data.made}"
    texts = [(data.words.follow, "regular", palette.INK, 2), (data.address, "bold", palette.INK, 3),
             *((c, "regular", palette.INK, CONTACT_LINES) for c in data.contacts),
             (made, "regular", palette.MUTED, 2)]
    parts, y = [], 0
    for text, weight, ink, lines in texts:
        narrow = y < code.symbol
        block = p.text(text, beside if narrow else p.width, lines=lines, weight=weight)
        if not narrow and parts and parts[-1].beside:
            # the first line below the code: its ink stays out of the quiet zone
            ink_top = first_baseline(block) + block.font.getbbox(block.lines[0], anchor="ls")[1]
            y = max(y, code.symbol + code.quiet - ink_top)
        parts.append(Part(block, ink, narrow, y))
        y += block.height
    return Footer(code, tuple(parts))


def draw(p: Page, f: Footer) -> None:
    top = p.y1 - f.row()
    tx = p.x0 + f.code.symbol + p.u(QR_TEXT_MM)
    # The quiet zone lies in the white margin; the dark modules line up with the text edge.
    p.c.paste(palette.INK, (p.x0 - f.code.quiet, top - f.code.quiet), f.code.mask)
    p.c.code = (p.x0 - f.code.quiet, top - f.code.quiet,
                p.x0 - f.code.quiet + f.code.mask.width, top - f.code.quiet + f.code.mask.height)
    for part in f.parts:
        p.c.block(tx if part.beside else p.x0, top + part.top, part.block, part.ink)
    p.rule(top - f.above(p) - max(2, p.u(RULE_MM)), RULE_MM, palette.ACCENT)
