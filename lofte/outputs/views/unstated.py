"""What the source does not state, said around the value instead of in its place.

Content marks a value the source is silent on as `okänt` (model.Unknown). Pages,
posters and feeds never print a placeholder into a sentence ("polisen i Anges inte
i källan."): they leave the value out of the sentence and say, once and in a
sentence of its own, what is not stated ("Lokalpolisområdet anges inte i källan."),
followed by the communicator's note where there is one. Every such sentence is
here, so pages, posters and feeds say it in the same words.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from lofte.content.chronology import known
from lofte.content.model import Unknown, is_unknown

# field → the sentence, in the page's language (`_` is its translator)
SENTENCES = {
    "police_area": lambda _: _("Lokalpolisområdet anges inte i källan."),
    "responsible": lambda _: _("Ansvarig enhet anges inte i källan."),
    "dates": lambda _: _("Källan anger inte när löftena gäller."),
    "start": lambda _: _("Startdatumet anges inte i källan."),
    "end": lambda _: _("Slutdatumet anges inte i källan."),
    "signed": lambda _: _("När löftet undertecknades anges inte i källan."),
    "signed_place": lambda _: _("Var löftet undertecknades anges inte i källan."),
    "signatories": lambda _: _("Källan anger inte vem som skrev under."),
    "focus_areas": lambda _: _("Källan anger inte periodens fokusområden."),
    "purpose": lambda _: _("Syftet anges inte i källan."),
    "situation": lambda _: _("Den gemensamma lägesbilden anges inte i källan."),
    "feedback_plan": lambda _: _("Källan säger inte hur invånarna får veta hur arbetet går."),
    "interval_days": lambda _: _("Källan säger inte hur ofta."),
    "focus_area": lambda _: _("Fokusområdet anges inte i källan."),
    "approach": lambda _: _("Källan beskriver inte hur löftet ska genomföras."),
    "activities": lambda _: _("Källan anger inte vilka aktiviteter som ingår."),
    "effects": lambda _: _("Källan anger inte vad löftet ska leda till."),
    "indicators": lambda _: _("Källan anger inget mätbart mål för löftet."),
    "target": lambda _: _("Målvärdet anges inte i källan."),
    "target_date": lambda _: _("När målet ska vara nått anges inte i källan."),
    "baseline": lambda _: _("Utgångsläget anges inte i källan."),
    "promises": lambda _: _("Källan listar inte periodens löften."),
    "some_promises": lambda _: _("Källan listar inte alla löften i perioden."),
    "follow_up_date": lambda _: _("Uppföljningens datum anges inte i källan."),
    "follow_up_summary": lambda _: _("Källan sammanfattar inte uppföljningen."),
}


def sentence(_, field: str, unknown: Unknown | None = None) -> str:
    """The plain sentence, with the note after it (posters, feeds, share images)."""
    text = SENTENCES[field](_)
    return f"{text} {unknown.note}" if unknown is not None and unknown.note else text


def phrase(w, field: str, unknown: Unknown) -> Markup:
    """The sentence on a page, with the note marked as Swedish where the page is not."""
    text = escape(SENTENCES[field](w._))
    if not unknown.note:
        return text
    return text + Markup(" ") + Markup(w.tr.sv(unknown.note).__html__())


def section(w, obj, field: str) -> Markup:
    """A section's body: the text the source states, a paragraph saying it does not, or "" where
    the content leaves the field out (the page then has no such section)."""
    value = getattr(obj, field)
    if is_unknown(value):
        return Markup("<p>") + phrase(w, field, value) + Markup("</p>")
    return Markup(w.tr(obj, field).__html__()) if value else Markup("")


def parts(w, named: list[tuple[str, object]]) -> Markup:
    """Parts the source does not state, said once: "Källan anger inte: tillvägagångssätt och
    aktiviteter." with each different note once after it. `named`: (part's name, Unknown)."""
    unknown = [(name, value) for name, value in named if is_unknown(value)]
    if not unknown:
        return Markup("")
    text = escape(w._("Källan anger inte: {parts}.", parts=w.listing([name for name, _v in unknown])))
    notes = list(dict.fromkeys(value.note for _n, value in unknown if value.note))
    for note in notes:
        text += Markup(" ") + Markup(w.tr.sv(note).__html__())
    return text


def dates(w, period) -> Markup:
    """A period's time frame, with what the source does not say about it said in words."""
    start, end = known(period.start), known(period.end)
    note = Markup(w.tr.sv(period.dates_note).__html__()) if period.dates_note else Markup("")
    if start and end:
        return escape(f"{w.date(start)} – {w.date(end)}")
    said = []
    if start:
        said.append(escape(w._("Från {date}.", date=w.date(start))))
    if end:
        said.append(escape(w._("Till och med {date}.", date=w.date(end))))
    if is_unknown(period.start) and is_unknown(period.end):
        notes = dict.fromkeys(u.note for u in (period.start, period.end) if u.note)
        said.append(phrase(w, "dates", Unknown(" ".join(notes))))
    else:
        said += [phrase(w, key, value) for key, value in (("start", period.start), ("end", period.end))
                 if is_unknown(value)]
    if note:
        said.append(note)
    return Markup(" ").join(said) if said else escape(w._("Anges inte"))
