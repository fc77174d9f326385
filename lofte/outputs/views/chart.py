"""A target over time as a server-drawn SVG chart, with the same numbers as text and a table.

The Open SDG pattern: the chart is for the eye (aria-hidden), a sentence beside
it says what it shows, and a table one click away holds every value for screen
readers and for copying. No script: the SVG is part of the page. A measure (a
value measured again and again, e.g. a survey) shows its baseline, each
measurement, the target and a steady path from baseline to target. A count
needs no chart: its bar marks where the schedule says it should be today, and
the dated updates list each occurrence. Colours come from the stylesheet's
classes, so print, dark mode and forced colours (system colours) all apply.

The drawing (`shape`) has no words in it and is made once per indicator and
build; each language adds only its tick labels, sentence and table.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True, slots=True)
class Shape:
    """The words-free part of a chart: SVG elements and where the labels go."""
    body: str
    ticks: tuple[tuple[float, float], ...]  # (y, value) on the value axis
    dates: tuple[tuple[float, dt.date, str], ...]  # (x, date, text-anchor) under the time axis
    today: float | None  # x of the "today" label
    keys: tuple[str, ...]  # legend entries present, in order


def _n(v: float) -> str:
    """A coordinate, short: 182 not 182.0."""
    return f"{round(v, 1):g}"


class _Plot:
    """Maps dates and values into the viewBox and collects SVG elements."""

    def __init__(self, span: tuple[dt.date, dt.date], values: list[float]):
        self.d0, self.d1 = span
        self.days = max(1, (self.d1 - self.d0).days)
        self.lo, self.hi, self.step = nice_range(min(values), max(values))
        self.parts: list[str] = []

    def x(self, d: dt.date) -> str:
        return _n(LEFT + (W - LEFT - RIGHT) * (d - self.d0).days / self.days)

    def y(self, v: float) -> str:
        return _n(H - BOTTOM - (H - TOP - BOTTOM) * (v - self.lo) / (self.hi - self.lo))

    def axes(self) -> tuple[tuple[float, float], ...]:
        ticks = [self.lo + i * self.step for i in range(int(round((self.hi - self.lo) / self.step)) + 1)]
        self.parts.append('<path class="chart__grid" d="'
                          + "".join(f"M{LEFT} {self.y(v)}H{W - RIGHT}" for v in ticks) + '"/>')
        self.parts.append(f'<path class="chart__axis" d="M{LEFT} {H - BOTTOM}H{W - RIGHT}"/>')
        return tuple((float(self.y(v)), v) for v in ticks)

    def today(self, today: dt.date) -> float | None:
        if not self.d0 < today < self.d1:
            return None
        x = self.x(today)
        self.parts.append(f'<path class="chart__today" d="M{x} {TOP}V{H - BOTTOM}"/>')
        return float(x)

    def line(self, cls: str, points: list[tuple[str, str]]) -> None:
        path = "".join(f"{'M' if i == 0 else 'L'}{x} {y}" for i, (x, y) in enumerate(points))
        self.parts.append(f'<path class="{cls}" d="{path}"/>')

    def dots(self, cls: str, points: list[tuple[str, str]]) -> None:
        self.parts.extend(f'<circle class="{cls}" cx="{x}" cy="{y}" r="4.5"/>' for x, y in points)

    def target(self, y: str) -> None:
        self.parts.append(f'<path class="chart__target" d="M{LEFT} {y}H{W - RIGHT}"/>')


def nice_range(lo: float, hi: float, whole: bool = False) -> tuple[float, float, float]:
    """Axis bounds on round numbers, about five steps apart (whole steps for whole things)."""
    if hi == lo:
        hi, lo = hi + 1, lo - 1 if lo > 0 else lo
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    if whole:
        step = max(1, math.ceil(step))
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def ends(s: IndicatorState) -> tuple[dt.date, dt.date]:
    """Where the baseline and the target sit on the time axis."""
    b, t = s.indicator.baseline, s.indicator.target
    return (b.date if b and b.date else s.span[0]), (t.date if t and t.date else s.span[1])


@lru_cache(maxsize=32)  # a page's languages are rendered one after the other
def shape(s: IndicatorState, today: dt.date, ended: bool) -> Shape:
    """The drawing of one measure (cached: every language's page draws the same)."""
    b, t = s.indicator.baseline, s.indicator.target
    values = [v for _d, v, _e in s.series] + ([b.value] if b else []) + ([t.value] if t else [])
    p = _Plot(s.span, values)
    ticks = p.axes()
    today_x = None if ended else p.today(today)
    start, end = ends(s)
    keys = ["value"]
    if t:
        y = p.y(t.value)
        p.target(y)
        p.parts.append(f'<path class="chart__target-mark" d="M{p.x(end)} {_n(float(y) - 7)}l7 7-7 7-7-7z"/>')
        keys.append("target")
    if b and t:
        p.line("chart__expected", [(p.x(start), p.y(b.value)), (p.x(end), p.y(t.value))])
        keys.append("expected")
    measured = [(p.x(d), p.y(v)) for d, v, _e in s.series]
    p.line("chart__value", ([(p.x(start), p.y(b.value))] if b else []) + measured)
    if b:
        p.dots("chart__baseline", [(p.x(start), p.y(b.value))])
        keys.insert(0, "baseline")
    p.dots("chart__point", measured)
    dates = ((float(p.x(p.d0)), p.d0, "start"), (float(p.x(p.d1)), p.d1, "end"))
    return Shape("".join(p.parts), ticks, dates, today_x, tuple(keys))


def chart(w: Words, s: IndicatorState, q, today: dt.date, ended: bool) -> ChartView | None:
    """The chart of a measure, or None for a count, or without a dated value or a time axis."""
    if s.indicator.kind != "measure" or not s.series or s.span is None:
        return None
    g = shape(s, today, ended)
    _ = w._
    text = [f'<text class="chart__tick" x="{LEFT - 6}" y="{_n(y + 4)}" text-anchor="end">{escape(w._.number(v))}</text>'
            for y, v in g.ticks]
    text += [f'<text class="chart__tick" x="{_n(x)}" y="{H - 8}" text-anchor="{anchor}">{escape(w._.date(d, "MMM y"))}'
             "</text>" for x, d, anchor in g.dates]
    if g.today is not None:
        text.append(f'<text class="chart__tick" x="{_n(g.today)}" y="{TOP - 2}" text-anchor="middle" '
                    f'dominant-baseline="hanging">{escape(_("idag"))}</text>')
    svg = Markup(f'<svg class="chart" viewBox="0 0 {W} {H}" aria-hidden="true" focusable="false">{g.body}'
                 + "".join(text) + "</svg>")
    names = {"value": _("Mätvärden"), "target": _("Mål"), "expected": _("Jämn takt från utgångsläget till målet"),
             "baseline": _("Utgångsläge")}
    legend = tuple((f"chart__key--{k}", names[k]) for k in g.keys)
    rows = tuple((d.isoformat(), w.date(d), q(v), ex) for d, v, ex in s.series)
    b = s.indicator.baseline
    if b:
        start = ends(s)[0]
        rows = ((start.isoformat(), w.date(start), q(b.value), False),) + rows
    return ChartView(svg, summary(w, s, q), (_("Datum"), _("Värde")), rows, legend)


def summary(w: Words, s: IndicatorState, q) -> Markup:
    """What the chart shows, in a sentence or three."""
    _ = w._
    b, t = s.indicator.baseline, s.indicator.target
    last_d, last_v, _ex = s.series[-1]
    said = [w.fill(_("Senaste mätningen: {value} ({date})."), value=q(last_v), date=w.date(last_d))]
    if b:
        said.insert(0, w.fill(_("Utgångsläget var {value}."), value=q(b.value)))
    if t:
        said.append(w.fill(_("Målet är {bound} {value}."), bound=w.bound(s.indicator.direction), value=q(t.value)))
    return Markup(" ".join(said))  # each sentence is escaped by fill
