"""View data of a promise page: the summary first, then the promise, its history and source.

Everything a template would otherwise compute (which status to show, which
words go with a number, what is already said elsewhere on the page) is decided
here, so promise.html only lays it out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from lofte.content.derived import Change
from lofte.content.model import Promise, Update

from . import notices
from .sources import source
from .summary import promise_summary
from .words import StatusView, Words


NOT_WORDS = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class UpdateView:
    update: Update
    title: object  # Part
    status: StatusView | None
    actors: tuple[tuple[str, StatusView], ...]
    progress: tuple[tuple[object, Markup], ...]  # (indicator name, "1 möte")
    corrected_by: str  # slug of the update that corrects this one
    note: notices.Notice | None  # about its translation, on a translated page


@dataclass(frozen=True, slots=True)
class ChangeView:
    change: Change
    text: Markup  # "status ändrad från ○ Inte påbörjat till ◐ Pågår"


@lru_cache(maxsize=64)  # a page's languages are rendered one after the other
def _words(text: str) -> str:
    """Only the words, lower case: cached, as the same promise text is compared on every language's page."""
    return NOT_WORDS.sub(" ", text).casefold().strip()


def not_in(said: str, texts) -> list:
    """The texts (Parts) not already said word for word in `said` (parts joined by " | ").

    A short text counts as said only as a whole part ("Anges inte i källan."), so
    "Ökad trygghet" is not dropped because the body uses the phrase in a sentence.
    """
    whole = {_words(part) for part in said.split(" | ")}
    flat = " ".join(whole)
    out = []
    for t in texts:
        words = _words(t.text)
        if words in whole or (len(words.split()) >= 6 and words in flat):
            continue
        out.append(t)
    return out


def how(w: Words, promise: Promise) -> dict:
    """"Så ska det göras" without what the body or an earlier part already says: sources often
    repeat the promise text as its approach and activities, or write "not stated" in each part."""
    said = w.tr(promise, "body").text
    approach = w.tr(promise, "approach")
    activities = w.tr(promise, "activities")
    effects = w.tr(promise, "effects")
    keep_approach = approach if approach and not_in(said, [approach]) else None
    if keep_approach:
        said += " | " + approach.text
    kept_activities = not_in(said, list(activities)) if activities else []
    said += " | " + " | ".join(a.text for a in kept_activities)
    return {"approach": keep_approach, "activities": kept_activities,
            "activities_attrs": activities.attrs if activities else "",
            "effects": [e for e in effects if _words(e.text) not in {_words(p) for p in said.split(" | ")}]
            if effects else [],
            "effects_attrs": effects.attrs if effects else ""}


def lead(w: Words, promise: Promise):
    """The summary above the promise text, unless the text already says it."""
    summary = w.tr(promise, "summary")
    if not summary or _words(summary.text) in _words(w.tr(promise, "body").text):
        return None
    return summary


def update_view(w: Words, u: Update, corrected_by: dict[str, str], indicators: dict) -> UpdateView:
    """One update; `indicators` maps an indicator id to its (name, unit words) on this page."""
    progress = tuple((indicators[p.indicator][0], w.quantity(p.value, indicators[p.indicator][1]))
                     for p in u.progress if p.indicator in indicators)
    t = w.tr.translation(u)
    return UpdateView(u, w.tr(u, "title"), w.status(u.status) if u.status else None,
                      tuple((w.actor(a.actor), w.status(a.status)) for a in u.actor_status),
                      progress, corrected_by.get(u.slug, ""), notices.translation(u, t, False) if t else None)


def change_view(w: Words, c: Change) -> ChangeView:
    if c.kind == "correction":
        return ChangeView(c, Markup(""))
    before, after = w.status(c.before), w.status(c.after)
    if c.kind == "status":
        text = w._("status ändrad från {before} till {after}", before=before.label, after=after.label)
    else:
        text = w._("{who}: status ändrad från {before} till {after}", who=w.actor(c.actor),
                   before=before.label, after=after.label)
    return ChangeView(c, Markup("%s") % text)


def view(v: dict) -> dict:
    w: Words = v["words"]
    promise, period, facts = v["promise"], v["period"], v["facts"]
    st = facts.promises[promise.path]
    translation = w.tr.translation(promise)
    indicators = {i.id: (w.indicator_name(i, translation), w.unit_words(i, translation)) for i in promise.indicators}
    return {
        "summary": promise_summary(w, promise, period, st, facts),
        "how": how(w, promise),
        "updates": [update_view(w, u, st.corrected_by, indicators) for u in promise.updates],
        "changes": [change_view(w, c) for c in st.changes],
        "note": notices.translation(promise, translation, True) if translation else None,
        "lead": lead(w, promise),
        "has_example": st.has_example,
        "source": source(promise.source),
    }
