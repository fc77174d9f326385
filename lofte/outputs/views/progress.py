"""How far a measurable target has come, as a resident reads it: a figure, a bar with
both ends named, where the schedule says it should be today, and a chart over time.

Bars are inline SVG, not CSS backgrounds: they print with backgrounds off and
keep their shape in forced colours (the stylesheet maps them to system colours).
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from lofte.content.derived import IndicatorState
from lofte.content.model import Translation, is_unknown

from . import chart, unstated
from .words import Words

BAR_W, BAR_H = 300, 28  # viewBox; the bar scales with its column


@dataclass(frozen=True, slots=True)
class ProgressView:
    name: object  # Part or Markup: the indicator's name
    figure: Markup  # "3 av 5 tillfällen", "60 procent"
    when: str  # date of the newest value ("" if none)
    target: Markup  # "Mål: minst 65 procent senast 31 december 2026"
    baseline: Markup  # "Utgångsläge: 58 procent (15 oktober 2025)" or ""
    bar: Markup  # inline SVG, or "" without an honest scale
    low: Markup  # the bar's named ends
    high: Markup
    expected: Markup  # "Enligt tidsplanen: 3 tillfällen vid det här laget" or ""
    verdict: str  # "Ligger efter tidsplanen" / "Målet är nått" / "Målet nåddes inte" / … / ""
    behind: bool
    example: bool
    note: object  # the indicator's note (Part) or ""
    chart: chart.ChartView | None


def progress(w: Words, s: IndicatorState, translation: Translation | None, today, ended: bool) -> ProgressView:
    """The figure, bar and texts of one indicator: a period's compact list shows the figure and
    bar, the promise page also the target, baseline, note and chart."""
    _ = w._
    i = s.indicator
    unit = w.unit_words(i, translation)
    q = lambda n: w.quantity(n, unit)  # noqa: E731 - one short phrase, used five times
    counted = i.kind != "measure"
    if s.current is None:
        figure = Markup(_("Inget mätvärde rapporterat"))
    elif counted and s.goal is not None:
        figure = w.fill(_("{done} av {goal}"), done=w._.number(s.current), goal=q(s.goal))
    else:
        figure = q(s.current)
    bar = low = high = expected = Markup("")
    expected_at = None
    if s.scale is not None and s.current is not None:
        if counted:
            low, high = Markup(w._.number(0)), w.fill(_("Mål: {goal}"), goal=q(s.goal))
            if s.expected and s.goal:  # a schedule that asks for nothing yet says nothing
                expected_at = s.expected / s.goal
                expected = w.fill(_("Enligt tidsplanen: {n} vid det här laget"), n=q(s.expected))
        else:  # a scale from 0 where no baseline is given: the end is named, never called a baseline
            low = (w.fill(_("Utgångsläge: {value}"), value=q(s.scale[0])) if i.baseline else q(s.scale[0]))
            high = w.fill(_("Mål: {goal}"), goal=q(s.scale[1]))
        bar = bar_svg(s.fraction or 0.0, expected_at)
    verdict = (_("Ligger efter tidsplanen") if s.behind else _("Målet är nått") if s.reached
               else missed(w, s) if s.missed else "")
    return ProgressView(
        name=w.indicator_name(i, translation), figure=figure, when=w.date(s.current_date),
        target=target_text(w, s, q), baseline=baseline_text(w, s, q),
        bar=bar, low=low, high=high, expected=expected, verdict=verdict, behind=s.behind, example=s.example,
        note=w.tr.sv(i.note) if i.note else "", chart=chart.chart(w, s, q, today, ended),
    )


def missed(w: Words, s: IndicatorState) -> str:
    """A target the time frame ended short of, claimed no further than the reports go: when they
    stopped before the end, only that it was not reached then (the page may say, beside it, that
    no final assessment was published); with no report at all, nothing (the summary says so)."""
    if s.current_date is None:
        return ""
    if s.span is not None and s.current_date < s.span[1]:
        return w._("Målet var inte nått vid senaste rapporten")
    return w._("Målet nåddes inte")


def target_text(w: Words, s: IndicatorState, q) -> Markup:
    _ = w._
    i, t = s.indicator, s.indicator.target
    if is_unknown(t):
        return unstated.phrase(w, "target", t)
    if t is None:
        return Markup(_("Mål: anges inte i källan"))
    # Phrases joined as strings and marked safe once: each is already escaped (fill, escape).
    if i.kind == "frequency" and every_day(s):
        said = [escape(_("Mål: varje dag") if i.frequency == "day" else _("Mål: varje vardag"))]
        if s.goal is not None:
            said.append(w.fill(_("(totalt {n})"), n=q(s.goal)))
    elif i.kind == "frequency":
        said = [w.fill(_("Mål: {bound} {n} {per}"), bound=w.bound(i.direction), n=q(t.value), per=w.per(i.frequency))]
        if s.goal is not None and s.goal != t.value:
            said.append(w.fill(_("(totalt {n})"), n=q(s.goal)))
    elif i.kind == "count":
        said = [w.fill(_("Mål: {n}"), n=q(t.value))]
    else:
        said = [w.fill(_("Mål: {bound} {n}"), bound=w.bound(i.direction), n=q(t.value))]
    if t.date:
        said.append(w.fill(_("senast {date}"), date=w.date(t.date)))
    text = Markup(" ".join(said))
    if is_unknown(t.date):
        text = Markup(f"{text}. {unstated.phrase(w, 'target_date', t.date)}")
    return text


DAY_UNITS = frozenset({"dag", "dagar", "vardag", "vardagar"})


def every_day(s: IndicatorState) -> bool:
    """"At least 1 day a day" says "every day": a daily or weekday rate of one day."""
    i = s.indicator
    return (i.frequency in ("day", "weekday") and i.unit in DAY_UNITS and i.direction == "increase"
            and i.target.value == 1)


def baseline_text(w: Words, s: IndicatorState, q) -> Markup:
    b = s.indicator.baseline
    if is_unknown(b):
        return unstated.phrase(w, "baseline", b)
    if b is None:
        return Markup("")
    text = w.fill(w._("Utgångsläge: {value}"), value=q(b.value))
    return Markup(f"{text} ({escape(w.date(b.date))})") if b.date else text


def bar_svg(fraction: float, expected: float | None) -> Markup:
    """A bar: outline, filled part, and a marker where the schedule says it should be today."""
    inner = BAR_W - 2
    fill = round(inner * max(0.0, min(1.0, fraction)), 1)
    parts = [f'<rect class="bar__track" x="1" y="6" width="{inner}" height="16" rx="2"/>']
    if fill > 0:
        parts.append(f'<rect class="bar__fill" x="1" y="6" width="{fill}" height="16" rx="2"/>')
    if expected is not None:
        x = round(1 + inner * max(0.0, min(1.0, expected)), 1)
        parts.append(f'<path class="bar__expected" d="M{x - 6} 0h12l-6 7z M{x - 1.5} 6h3v22h-3z"/>')
    return Markup(f'<svg class="bar" viewBox="0 0 {BAR_W} {BAR_H}" aria-hidden="true" focusable="false">'
                  + "".join(parts) + "</svg>")
