"""The schema of a promise's measurable targets (`indicators` in index.md).

Part of schema.py: a target counts (count), recurs at a rate (frequency: per day,
weekday, week, month, quarter or year) or is measured (measure). Messages name the
kind the communicator chose, so a `target: 1` for a frequency gets one error that
says where `value:` goes, not two about "a counted indicator".
"""
from __future__ import annotations

from functools import partial

from .fields import Fields
from .model import Baseline, Indicator, IndicatorTarget
from .textcheck import shown
from .unknowns import or_unknown

INDICATOR_KINDS = ("count", "frequency", "measure")
DIRECTIONS = ("increase", "decrease", "maintain")
FREQUENCIES = ("day", "weekday", "week", "month", "quarter", "year")
FREQUENCY_WORDS = {"day": "dag", "weekday": "vardag", "week": "vecka", "month": "månad", "quarter": "kvartal",
                   "year": "år"}


def baseline(f: Fields, key: str, counted: bool, required: bool = False) -> Baseline | None:
    bf = f.map(key)
    if bf is None:
        return None
    out = Baseline(bf.number("value", True, minimum=0 if counted else None) or 0.0, bf.date("date"), bf.str("note"))
    bf.finish()
    return out


def target(f: Fields, key: str, counted: bool, required: bool = False) -> IndicatorTarget | None:
    raw = f.data.get(key)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):  # `target: 1`: the value without value:
        f.known.add(key)
        f.error(key, f"skriv målvärdet på en egen rad under target, indraget två mellanslag: "
                     f"target: och sedan value: {shown(raw)}")
        return IndicatorTarget(float(raw), None)
    tf = f.map(key)
    if tf is None:
        return None
    value = tf.number("value", True, minimum=0 if counted else None)
    if counted and value == 0:
        tf.error("value", "ett mål som räknas (kind: count eller frequency) måste vara större än 0")
    out = IndicatorTarget(value or 0.0, or_unknown(tf, "date", tf.date))
    tf.finish()
    return out


def target_missing(f: Fields, kind: str | None, frequency: str | None) -> str:
    """What a counted target without target says, for its kind."""
    if kind == "frequency":
        per = FREQUENCY_WORDS.get(frequency or "", "vecka, månad …")
        return (f"saknas: ett mål av sorten frequency behöver target med value, hur många gånger per {per}, "
                "t.ex. target: och under det value: 1; säger källan inget om det, skriv target: okänt")
    return ("saknas: ett mål som räknas ihop (kind: count) behöver target med value, hur många det ska bli, "
            "t.ex. target: och under det value: 5; säger källan inget om det, skriv target: okänt")


def indicator(f: Fields) -> Indicator:
    kind = f.choice("kind", INDICATOR_KINDS, True, "measure", "en indikatortyp")
    counted = kind in ("count", "frequency")  # a number of things: never below zero
    base = or_unknown(f, "baseline", partial(baseline, f), counted)
    goal = or_unknown(f, "target", partial(target, f), counted)
    frequency = f.choice("frequency", FREQUENCIES, kind == "frequency", None, "en frekvens")
    if kind != "frequency" and frequency:
        f.error("frequency", "används bara när kind är 'frequency'")
    if kind in ("count", "frequency") and goal is None:
        f.error("target", target_missing(f, kind, frequency))
    ind = Indicator(id=f.slug("id", True) or "", name=f.str("name", True), unit=f.str("unit", True),
                    kind=kind or "measure",
                    direction=f.choice("direction", DIRECTIONS, False, "increase", "en riktning"),
                    baseline=base, target=goal, frequency=frequency, note=f.str("note"),
                    unit_one=f.str("unit_one", max_len=100))
    f.finish()
    return ind
