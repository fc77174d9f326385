"""View data of a promise page: the summary first, then the promise, its history and source.

Everything a template would otherwise compute (which status to show, which
words go with a number, what is already said elsewhere on the page) is decided
here, so promise.html only lays it out.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from lofte.content.derived import Change
from lofte.content.model import Promise, Update, is_unknown

from . import notices, unstated
from .sources import sources
from .summary import promise_summary
from .words import StatusView, Words


END_PUNCTUATION = " .,;:!?"


@dataclass(frozen=True, slots=True)
class UpdateView:
    update: Update
    title: object  # Part
    status: StatusView | None
    actors: tuple[tuple[str, StatusView], ...]
    progress: tuple[tuple[object, Markup], ...]  # (indicator name, "1 möte")
    corrected_by: str  # slug of the update that corrects this one
    note: notices.Notice | None  # about its translation, on a translated page
    # Made here, not by calls in the template's loop: a call there costs more than the work.
    iso: str = ""  # the date for <time datetime>
    when: str = ""  # the date in words
    body: object = None  # Part


@dataclass(frozen=True, slots=True)
class ChangeView:
    change: Change
    text: Markup  # "status ändrad från ○ Inte påbörjat till ◐ Pågår"
    iso: str = ""  # the date for <time datetime>
    when: str = ""  # the date in words


@lru_cache(maxsize=64)  # the body is compared more than once on a page, and again in each language
def _words(text: str) -> str:
    """The text in lower case with single spaces and no end punctuation: enough to see one part
    repeat another. (A part with Markdown inside may then not be recognised, and is shown again.)"""
    return " ".join(text.casefold().split()).strip(END_PUNCTUATION)


@lru_cache(maxsize=32)  # a page's languages are rendered one after the other, mostly with the same texts
def unsaid(body: str, approach: str, activities: tuple[str, ...], effects: tuple[str, ...]) -> tuple:
    """Which parts of "Så ska det göras" say something the body or an earlier part has not said.

    Sources often repeat the promise text as its approach and activities, or write "not
    stated" in each part. A short text counts as said only as a whole part, so "Ökad
    trygghet" is not dropped because the body uses the phrase in a sentence. Returns
    (keep the approach, indices of activities to keep, indices of effects to keep).
    """
    whole = {_words(body)}
    flat = [_words(body)]

    def said(text: str) -> bool:
        words = _words(text)
        return words in whole or (len(words.split()) >= 6 and any(words in f for f in flat))

    def add(text: str) -> None:
        whole.add(_words(text))
        flat.append(_words(text))

    keep_approach = bool(approach) and not said(approach)
    if keep_approach:
        add(approach)
    kept = []
    for i, a in enumerate(activities):
        if not said(a):
            kept.append(i)
            add(a)
    return keep_approach, tuple(kept), tuple(i for i, e in enumerate(effects) if _words(e) not in whole)


def how(w: Words, promise: Promise) -> dict:
    """"Så ska det göras", without what is already said (see `unsaid`), and what the source does not say."""
    approach, acts_part, effs_part = (w.tr(promise, key) for key in ("approach", "activities", "effects"))
    activities = [] if is_unknown(acts_part.value) else list(acts_part)
    effects = [] if is_unknown(effs_part.value) else list(effs_part)
    keep, acts, effs = unsaid(w.tr(promise, "body").text, approach.text if approach else "",
                              tuple(a.text for a in activities), tuple(e.text for e in effects))
    silent = unstated.parts(w, [(w._("tillvägagångssätt"), approach.value), (w._("aktiviteter"), acts_part.value),
                                (w._("eftersträvade effekter"), effs_part.value)])
    return {"approach": approach if keep else None, "activities": [activities[i] for i in acts],
            "activities_attrs": acts_part.attrs, "unstated": silent,
            "effects": [effects[i] for i in effs], "effects_attrs": effs_part.attrs}


def lead(w: Words, promise: Promise):
    """The summary above the promise text, unless the text already says it."""
    summary = w.tr(promise, "summary")
    if not summary or _words(summary.text) in _words(w.tr(promise, "body").text):
        return None
    return summary


def update_view(w: Words, u: Update, corrected_by: dict[str, str], indicators: dict) -> UpdateView:
    """One update; `indicators` maps an indicator id to its (name, unit words) on this page."""
    progress = []
    for p in u.progress:
        if p.indicator in indicators:
            name, unit = indicators[p.indicator]
            progress.append((name, w.quantity(p.value, unit)))
    t = w.tr.translation(u)
    return UpdateView(u, w.tr(u, "title"), w.status(u.status) if u.status else None,
                      tuple((w.actor(a.actor), w.status(a.status)) for a in u.actor_status),
                      tuple(progress), corrected_by.get(u.slug, ""), notices.translation(u, t, False) if t else None,
                      u.date.isoformat(), w.date(u.date), w.tr(u, "body"))


def change_view(w: Words, c: Change) -> ChangeView:
    if c.kind == "correction":
        return ChangeView(c, Markup(""), c.date.isoformat(), w.date(c.date))
    before, after = w.status(c.before), w.status(c.after)
    if c.kind == "status":
        text = w._("status ändrad från {before} till {after}", before=before.label, after=after.label)
    else:
        text = w._("{who}: status ändrad från {before} till {after}", who=w.actor(c.actor),
                   before=before.label, after=after.label)
    return ChangeView(c, escape(text), c.date.isoformat(), w.date(c.date))


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
        "sources": sources(promise.sources),
        "focus_area": (unstated.phrase(w, "focus_area", promise.focus_area) if is_unknown(promise.focus_area)
                       else None),
        "no_indicators": (unstated.phrase(w, "indicators", promise.indicators_unknown) if promise.indicators_unknown
                          is not None else w._("Löftet har inget mätbart mål.")),
    }
