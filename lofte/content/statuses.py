"""The fixed status vocabulary: in-progress states and final verdicts, kept apart.

Brå 2018:14 and trackers like Holder de ord show that residents misread labels
unless each has a public definition, and that "how is it going" (a state that
changes during the period) must never be confused with "was it kept" (a verdict
given once, at the follow-up). Both lists are public: the status page renders
them, and content may only use these keys.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Status:
    key: str  # the word communicators write in content files
    kind: str  # "progress" or "verdict"
    symbol: str  # shown beside the word: status is never colour alone
    tone: str  # CSS hook only (colour is extra, never the only signal)
    label: dict[str, str]
    definition: dict[str, str]

    def text(self, lang: str) -> str:
        return self.label.get(lang, self.label["sv"])


PROGRESS = (
    Status("ingen uppgift", "progress", "?", "unknown",
           {"sv": "Ingen uppgift", "en": "No information"},
           {"sv": "Polisen och kommunen har inte rapporterat hur arbetet går.",
            "en": "The police and the municipality have not reported on progress."}),
    Status("ej påbörjat", "progress", "○", "neutral",
           {"sv": "Ej påbörjat", "en": "Not started"},
           {"sv": "Arbetet med löftet har inte börjat ännu.",
            "en": "Work on the promise has not started yet."}),
    Status("pågår", "progress", "◐", "active",
           {"sv": "Pågår", "en": "In progress"},
           {"sv": "Arbetet pågår enligt plan.",
            "en": "Work is under way as planned."}),
    Status("försenat", "progress", "!", "warning",
           {"sv": "Försenat", "en": "Behind schedule"},
           {"sv": "Arbetet har börjat men ligger efter planen.",
            "en": "Work has started but is behind the plan."}),
    Status("genomfört", "progress", "●", "done",
           {"sv": "Genomfört", "en": "Done"},
           {"sv": "Det som lovades är gjort. Slutbedömningen kommer vid uppföljningen.",
            "en": "What was promised has been done. The final verdict comes at the follow-up."}),
)

VERDICTS = (
    Status("hållet", "verdict", "✓", "kept",
           {"sv": "Hållet", "en": "Kept"},
           {"sv": "Uppföljningen visar att löftet hölls.",
            "en": "The follow-up shows that the promise was kept."}),
    Status("delvis hållet", "verdict", "◑", "partly",
           {"sv": "Delvis hållet", "en": "Partly kept"},
           {"sv": "Uppföljningen visar att en del av löftet hölls, men inte allt.",
            "en": "The follow-up shows that part of the promise was kept, but not all."}),
    Status("inte hållet", "verdict", "✗", "broken",
           {"sv": "Inte hållet", "en": "Not kept"},
           {"sv": "Uppföljningen visar att löftet inte hölls.",
            "en": "The follow-up shows that the promise was not kept."}),
    Status("kan inte bedömas", "verdict", "–", "unknown",
           {"sv": "Kan inte bedömas", "en": "Cannot be assessed"},
           {"sv": "Uppföljningen kan inte avgöra om löftet hölls, till exempel för att underlag saknas.",
            "en": "The follow-up cannot tell whether the promise was kept, for example because evidence is missing."}),
)

BY_KEY: dict[str, Status] = {s.key: s for s in PROGRESS + VERDICTS}
PROGRESS_KEYS = tuple(s.key for s in PROGRESS)
VERDICT_KEYS = tuple(s.key for s in VERDICTS)
