"""A target over time as a server-drawn SVG chart, with the same numbers as text and a table.

The Open SDG pattern: the chart is for the eye (aria-hidden), a sentence beside
it says what it shows, and a table one click away holds every value for screen
readers and for copying. No script: the SVG is part of the page. A measure shows
its baseline, each measurement, the target and a steady path from baseline to
target; a count shows its running total against the schedule (0 at the start,
the goal at the deadline). Colours come from the stylesheet's classes, so print,
dark mode and forced colours (system colours) all apply.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from lofte.content.derived import IndicatorState

from .words import Words

W, H = 420, 210
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 12, 28


@dataclass(frozen=True, slots=True)
class ChartView:
    svg: Markup
    summary: Markup  # one or two sentences: what the chart shows
    head: tuple[str, ...]  # table columns
    rows: tuple[tuple[str, str, Markup, bool], ...]  # (ISO date, date, value, example)
    legend: tuple[tuple[str, str], ...]  # (CSS class of the swatch, text)


def chart(w: Words, s: IndicatorState, q, today: dt.date, ended: bool) -> ChartView | None:
    """The chart of one indicator, or None when it has no dated value or no time axis."""
    if not s.series or s.span is None:
        return None
    return _measure(w, s, q, today, ended) if s.indicator.kind == "measure" else _count(w, s, q, today, ended)


class _Plot:
    """Maps dates and values into the viewBox and collects SVG elements."""

    def __init__(self, span: tuple[dt.date, dt.date], values: list[float], whole: bool = False):
        self.d0, self.d1 = span
        self.lo, self.hi, self.step = nice_range(min(values), max(values), whole)
        self.parts: list[str] = []

    def x(self, d: dt.date) -> float:
        share = (d - self.d0).days / max(1, (self.d1 - self.d0).days)
        return round(LEFT + (W - LEFT - RIGHT) * share, 1)

    def y(self, v: float) -> float:
        share = (v - self.lo) / (self.hi - self.lo)
        return round(H - BOTTOM - (H - TOP - BOTTOM) * share, 1)

    def axes(self, w: Words) -> None:
        ticks = [self.lo + i * self.step for i in range(int(round((self.hi - self.lo) / self.step)) + 1)]
        for v in ticks:
            y = self.y(v)
            self.parts.append(f'<line class="chart__grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{y}" y2="{y}"/>')
            self.parts.append(f'<text class="chart__tick" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">'
                              f"{escape(w._.number(v))}</text>")
        base = H - BOTTOM
        self.parts.append(f'<line class="chart__axis" x1="{LEFT}" x2="{W - RIGHT}" y1="{base}" y2="{base}"/>')
        for d, anchor in ((self.d0, "start"), (self.d1, "end")):
            self.parts.append(f'<text class="chart__tick" x="{self.x(d)}" y="{H - 8}" text-anchor="{anchor}">'
                              f"{escape(w._.date(d, 'MMM y'))}</text>")

    def today(self, w: Words, today: dt.date) -> None:
        if self.d0 < today < self.d1:
            x = self.x(today)
            self.parts.append(f'<line class="chart__today" x1="{x}" x2="{x}" y1="{TOP}" y2="{H - BOTTOM}"/>')
            self.parts.append(f'<text class="chart__tick" x="{x}" y="{TOP - 2}" text-anchor="middle" '
                              f'dominant-baseline="hanging">{escape(w._("idag"))}</text>')

    def line(self, cls: str, points: list[tuple[float, float]]) -> None:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x} {y}" for i, (x, y) in enumerate(points))
        self.parts.append(f'<path class="{cls}" d="{path}"/>')

    def dot(self, cls: str, x: float, y: float) -> None:
        self.parts.append(f'<circle class="{cls}" cx="{x}" cy="{y}" r="4.5"/>')

    def diamond(self, x: float, y: float) -> None:
        self.parts.append(f'<path class="chart__target-mark" d="M{x} {y - 7}l7 7-7 7-7-7z"/>')

    def svg(self) -> Markup:
        return Markup(f'<svg class="chart" viewBox="0 0 {W} {H}" aria-hidden="true" focusable="false">'
                      + "".join(self.parts) + "</svg>")


def nice_range(lo: float, hi: float, whole: bool = False) -> tuple[float, float, float]:
    """Axis bounds on round numbers, about five steps apart (whole steps for counts)."""
    if hi == lo:
        hi, lo = hi + 1, lo - 1 if lo > 0 else lo
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    if whole:
        step = max(1, math.ceil(step))
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def _rows(w: Words, points, q, example_flags=None) -> tuple:
    return tuple((d.isoformat(), w.date(d), q(v), ex) for d, v, ex in points)


def _measure(w: Words, s: IndicatorState, q, today: dt.date, ended: bool) -> ChartView:
    _ = w._
    i, b, t = s.indicator, s.indicator.baseline, s.indicator.target
    start = (b.date if b and b.date else s.span[0])
    end = (t.date if t and t.date else s.span[1])
    values = [v for _d, v, _e in s.series] + ([b.value] if b else []) + ([t.value] if t else [])
    p = _Plot(s.span, values)
    p.axes(w)
    if not ended:
        p.today(w, today)
    legend = [("chart__key--value", _("Mätvärden"))]
    if t:
        y = p.y(t.value)
        p.parts.append(f'<line class="chart__target" x1="{LEFT}" x2="{W - RIGHT}" y1="{y}" y2="{y}"/>')
        p.diamond(p.x(end), y)
        legend.append(("chart__key--target", _("Mål")))
    if b and t:
        p.line("chart__expected", [(p.x(start), p.y(b.value)), (p.x(end), p.y(t.value))])
        legend.append(("chart__key--expected", _("Jämn takt från utgångsläget till målet")))
    measured = [(p.x(d), p.y(v)) for d, v, _e in s.series]
    if b:
        measured.insert(0, (p.x(start), p.y(b.value)))
    p.line("chart__value", measured)
    if b:
        p.dot("chart__baseline", p.x(start), p.y(b.value))
        legend.insert(0, ("chart__key--baseline", _("Utgångsläge")))
    for d, v, _e in s.series:
        p.dot("chart__point", p.x(d), p.y(v))
    last_d, last_v, _ex = s.series[-1]
    summary = Markup(_("Senaste mätningen: {value} ({date}).")).format(value=q(last_v), date=w.date(last_d))
    if b:
        summary = Markup(_("Utgångsläget var {value}.")).format(value=q(b.value)) + Markup(" ") + summary
    if t:
        summary += Markup(" ") + Markup(_("Målet är {bound} {value}.")).format(bound=w.bound(i.direction),
                                                                            value=q(t.value))
    rows = ([(start.isoformat(), w.date(start), q(b.value), False)] if b else []) + list(_rows(w, s.series, q))
    return ChartView(p.svg(), summary, (_("Datum"), _("Värde")), tuple(rows), tuple(legend))


def _count(w: Words, s: IndicatorState, q, today: dt.date, ended: bool) -> ChartView:
    _ = w._
    d0, d1 = s.span
    goal = s.goal or 0.0
    p = _Plot(s.span, [0.0, goal, s.current or 0.0], whole=True)
    p.axes(w)
    if not ended:
        p.today(w, today)
    legend = [("chart__key--value", _("Gjort hittills (summa)"))]
    if goal:
        y = p.y(goal)
        p.parts.append(f'<line class="chart__target" x1="{LEFT}" x2="{W - RIGHT}" y1="{y}" y2="{y}"/>')
        p.line("chart__expected", [(p.x(d0), p.y(0)), (p.x(d1), y)])
        legend += [("chart__key--target", _("Mål")), ("chart__key--expected", _("Tidsplan"))]
    steps, level = [(p.x(d0), p.y(0))], 0.0
    for d, total, _e in s.series:
        steps += [(p.x(d), p.y(level)), (p.x(d), p.y(total))]
        level = total
    last = min(today, d1) if not ended else d1
    steps.append((p.x(max(last, s.series[-1][0])), p.y(level)))
    p.line("chart__value", steps)
    for d, total, _e in s.series:
        p.dot("chart__point", p.x(d), p.y(total))
    summary = Markup(_("Totalt {value} under perioden, senast rapporterat {date}.") if ended else
                     _("Totalt {value} hittills, senast rapporterat {date}.")).format(
        value=q(s.current or 0), date=w.date(s.series[-1][0]))
    if goal:
        summary += Markup(" ") + Markup(_("Målet är {value} senast {date}.")).format(value=q(goal), date=w.date(d1))
    return ChartView(p.svg(), summary, (_("Datum"), _("Totalt")), _rows(w, s.series, q), tuple(legend))
