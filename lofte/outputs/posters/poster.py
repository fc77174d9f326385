"""A print poster (A3 or A4, portrait): plan the space, then draw.

From the top: the example label (if any), the header (header.py), the promises
(promises.py), and a footer with the QR code, the printed address and where to
give feedback. No text is smaller than typeset.BODY_MIN_PT, so an A3 poster
holds about thirty lines: space is planned before anything is drawn. PLANS
lists header forms, levels of promise detail and spacing from generous to
lean; the first at which every promise fits wins. With few promises, the
first plans also say what each promises (its summary), so the sheet is not
half empty. Progress (bar and latest update) is what the poster is for, so it
goes last: first the summaries, then header luxury, then promise titles above
the body size, then space, then the length of the actor lines. If no plan fits every promise, the poster lists as many as fit with
their progress and says how many more there are and where to read them.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from . import palette, qr
from .canvas import Canvas, first_baseline
from .data import PosterData
from .header import COMPACT, FULL, LEAN, NO_TALLY, TIGHT, Header, HeaderForm, HeaderWriter
from .layout import Block
from .paper import PAPERS, Sheet
from .promises import Detail, ListWriter, Placed
from .qr import Code
from .typeset import Page

QR_MM = (42, 40)  # the symbol without quiet zone: aimed at, and at least (so phones read it from a step away)
QR_TEXT_MM = 8  # from the symbol to the text beside it
FOLLOW = "Följ arbetet och se hur det går:"
FOOTER_GAP_MM = 4  # between the QR code row and the feedback
RULE_MM, RULE_GAP_MM = 1.5, 5  # the rule above the footer and the space either side
DENSE = 0.5  # vertical space, at least, when it is that or leaving out part of a promise
LOOSEN = 0.05  # steps in which a dense plan gets space back when there is room


@dataclass(frozen=True, slots=True)
class Plan:
    header: HeaderForm
    detail: Detail
    space: float = 1.0


ROOMIER, ROOMY = Detail(3, True, True, 1.25), Detail(3, True, True, 1.12)
ALL, SHORTER = Detail(3, True, True), Detail(2, True, True)
TOLD = tuple(dataclasses.replace(d, summary_lines=n) for d, n in ((ROOMIER, 6), (ROOMY, 5), (ALL, 4)))
PLAIN = Detail(2, True, True, title_pt=None)  # promise titles bold at the body size
BRIEF = dataclasses.replace(PLAIN, actor_lines=1)
NO_LATEST = dataclasses.replace(BRIEF, latest=False)
LEANEST = dataclasses.replace(NO_LATEST, bar=False)
PROGRESS = Plan(LEAN, BRIEF, DENSE)  # the leanest plan that keeps all progress
PLANS = (*(Plan(FULL, d) for d in TOLD),
         Plan(FULL, ROOMIER), Plan(FULL, ROOMY), Plan(FULL, ALL), Plan(NO_TALLY, ALL), Plan(COMPACT, ALL),
         Plan(TIGHT, ALL), Plan(TIGHT, SHORTER), Plan(TIGHT, PLAIN), Plan(LEAN, PLAIN), Plan(LEAN, PLAIN, DENSE),
         Plan(LEAN, BRIEF), PROGRESS, Plan(LEAN, NO_LATEST, DENSE), Plan(LEAN, LEANEST, DENSE))


@dataclass(frozen=True, slots=True)
class Footer:
    code: Code
    follow: Block
    address: Block
    feedback: Block

    def above(self, p: Page) -> int:
        """From the rule to the QR code: the space, and never less than the quiet zone."""
        return max(p.gap(RULE_GAP_MM), self.code.quiet)

    def below(self, p: Page) -> int:
        """From the QR code to the feedback's line box: its ink stays out of the quiet zone."""
        ink = first_baseline(self.feedback) + self.feedback.font.getbbox(self.feedback.lines[0], anchor="ls")[1]
        return max(p.gap(FOOTER_GAP_MM), self.code.quiet - ink)

    def row(self) -> int:
        """The height of the row of QR code, invitation and address."""
        return max(self.code.symbol, self.follow.height + self.address.height)

    def height(self, p: Page) -> int:
        """From the space above the rule over the footer to the bottom of the printable area."""
        return (p.gap(RULE_GAP_MM) + max(2, p.u(RULE_MM)) + self.above(p) + self.row() + self.below(p)
                + self.feedback.height)


def footer(p: Page, data: PosterData) -> Footer:
    """The QR code and address, and below them where to give feedback, measured.

    The feedback text is the site's own (`site.feedback`, often a phone number in
    a sentence), so it gets the full width and is not cut short.
    """
    code = qr.render(data.url, p.u(QR_MM[1]), p.u(QR_MM[0]))
    beside = p.width - code.symbol - p.u(QR_TEXT_MM)
    follow = p.text(FOLLOW, beside, lines=2)
    address = p.text(data.address, beside, lines=3, weight="bold")
    feedback = p.text(data.feedback, p.width, lines=5)
    return Footer(code, follow, address, feedback)


def draw_footer(p: Page, f: Footer) -> None:
    top = p.y1 - f.feedback.height - f.below(p) - f.row()
    tx = p.x0 + f.code.symbol + p.u(QR_TEXT_MM)
    # The quiet zone lies in the white margin; the dark modules line up with the text edge.
    p.c.paste(palette.INK, (p.x0 - f.code.quiet, top - f.code.quiet), f.code.mask)
    p.c.code = (p.x0 - f.code.quiet, top - f.code.quiet,
                p.x0 - f.code.quiet + f.code.mask.width, top - f.code.quiet + f.code.mask.height)
    p.c.block(tx, p.c.block(tx, top, f.follow, palette.INK), f.address, palette.INK)
    p.c.block(p.x0, p.y1 - f.feedback.height, f.feedback, palette.INK)
    p.rule(top - f.above(p) - max(2, p.u(RULE_MM)), RULE_MM, palette.ACCENT)


class Setting:
    """One sheet's page with its parts, for measuring plans (and drawing the chosen one)."""

    def __init__(self, sheet: Sheet, data: PosterData):
        self.p, self.data = Page(sheet), data
        self.head, self.items = HeaderWriter(self.p, data), ListWriter(self.p)
        self.foot = footer(self.p, data)

    def measure(self, plan: Plan) -> tuple[Header, list[Placed]]:
        """Header and promises at a plan; leaves the page's spacing set for it."""
        self.p.space = plan.space
        return self.head.measure(plan.header), self.items.place(self.data.items, plan.detail)

    def room(self, form: HeaderForm) -> int:
        """The height between the label (if any) and the footer, at the page's spacing."""
        label = self.head.example_label(form) if self.data.example else 0
        return self.p.y1 - self.p.y0 - label - self.foot.height(self.p)

    def shown(self, plan: Plan) -> int:
        """How many promises fit at a plan: all of them, or as many as fit with the line saying how many more."""
        header, placed = self.measure(plan)
        room = self.room(plan.header) - header.height
        if plan.detail.summary_lines and any(p.summary and p.summary.truncated for p in placed):
            return 0  # a summary cut short says less than none: the next plan goes without
        if self.items.height(placed) <= room:
            return len(placed)
        n = 0
        while n < len(placed):
            more = self.items.more(len(placed) - n - 1, self.data.address).height
            if self.items.height(placed[:n + 1]) + placed[n].between + more > room:
                break
            n += 1
        return n


def choose(settings: list[Setting]) -> tuple[Plan, int]:
    """The plan, and how many promises it shows, for every sheet of a poster.

    The first plan at which every promise fits. If none, as many promises as
    fit with their progress (at PROGRESS), at the first plan that keeps their
    progress and still shows that many. Planning for A3 and A4 together gives
    both the same layout, whatever rounding does.
    """
    total = len(settings[0].data.items)
    for plan in PLANS:
        if all(s.shown(plan) == total for s in settings):
            return loosen(plan, total, settings), total
    most = min(s.shown(PROGRESS) for s in settings)
    keep = (p for p in PLANS if p.detail.bar and p.detail.latest)
    plan = next(p for p in keep if all(s.shown(p) >= most for s in settings))
    return loosen(plan, most, settings), most


def loosen(plan: Plan, shown: int, settings: list[Setting]) -> Plan:
    """A plan with tightened space, with as much of the space given back as the room allows."""
    for step in range(1, round((1 - plan.space) / LOOSEN)):
        looser = dataclasses.replace(plan, space=round(1 - step * LOOSEN, 2))
        if all(s.shown(looser) >= shown for s in settings):
            return looser
    return plan


def draw(data: PosterData, sheet: Sheet) -> Canvas:
    """The poster on one sheet, planned together with the other paper size."""
    here = Setting(sheet, data)
    others = [Setting(Sheet(paper, False), data) for paper in PAPERS.values() if paper != sheet.paper]
    plan, shown = choose([here, *others])
    header, placed = here.measure(plan)
    p, hidden = here.p, len(data.items) - shown
    y = here.head.example_label(plan.header, p.y0) if data.example else p.y0
    draw_footer(p, here.foot)
    y = here.head.draw(header, y)
    here.items.draw(placed[:shown], here.items.more(hidden, data.address) if hidden else None, y)
    return p.c
