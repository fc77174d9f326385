"""The fixed status vocabulary: in-progress states and final verdicts, kept apart.

Brå 2018:14 and trackers like Holder de ord show that residents misread labels
unless each has a public definition, and that "how is it going" (a state that
changes during the period) must never be confused with "was it kept" (a verdict
given once, at the follow-up). Both lists are public: the status page renders
them, and content may only use these keys.

Keys are what content files say and never change (old content keeps building);
labels and definitions are what residents read, and may be reworded here. Every
output (pages, feeds, posters, open data's documentation) reads them from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Status:
    key: str  # the word communicators write in content files
    kind: str  # "progress" or "verdict"
    symbol: str  # shown beside the word: status is never colour alone
    tone: str  # CSS hook only (colour is extra, never the only signal)
    label: dict[str, str]
    definition: dict[str, str]
    # In a count, "3 hållna": (one, other) per language, lower case.
    tally: dict[str, tuple[str, str]] = field(default_factory=dict)
    # How a progress state reads once the period has ended ("Pågick"), never "Pågår".
    ended: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return self.label.get(lang, self.label["sv"])

    def counted(self, lang: str, one: bool) -> str:
        """The word after a number: "1 hållet", "3 hållna", "2 in progress"."""
        forms = self.tally.get(lang) or self.tally.get("sv") or (self.text(lang).lower(),) * 2
        return forms[0] if one else forms[1]

    def text_ended(self, lang: str) -> str:
        """The label for a state reported before the period ended."""
        return self.ended.get(lang) or self.ended.get("sv") or self.text(lang)


PROGRESS = (
    Status("ingen uppgift", "progress", "?", "unknown",
           {"sv": "Inte rapporterat", "en": "Not reported"},
           {"sv": "Polisen och kommunen har inte rapporterat hur arbetet går. Det betyder inte att inget "
                  "görs, bara att ingen har berättat det här. Sidan säger vem som inte har rapporterat och sedan när.",
            "en": "The police and the municipality have not reported on progress. That does not mean nothing "
                  "is being done, only that nobody has said so here. The page says who has not reported, and since when."},
           {"sv": ("inte rapporterat", "inte rapporterade"), "en": ("not reported", "not reported")},
           {"sv": "Inte rapporterat", "en": "Not reported"}),
    Status("ej påbörjat", "progress", "○", "neutral",
           {"sv": "Ej påbörjat", "en": "Not started"},
           {"sv": "Arbetet med löftet har inte börjat.",
            "en": "Work on the promise has not started."},
           {"sv": ("ej påbörjat", "ej påbörjade"), "en": ("not started", "not started")},
           {"sv": "Påbörjades inte", "en": "Never started"}),
    Status("pågår", "progress", "◐", "active",
           {"sv": "Pågår", "en": "In progress"},
           {"sv": "Arbetet pågår enligt plan.",
            "en": "Work is under way as planned."},
           {"sv": ("pågår", "pågår"), "en": ("in progress", "in progress")},
           {"sv": "Pågick, inte klart", "en": "Under way, not finished"}),
    Status("försenat", "progress", "!", "warning",
           {"sv": "Försenat", "en": "Behind schedule"},
           {"sv": "Arbetet har börjat men ligger efter planen.",
            "en": "Work has started but is behind the plan."},
           {"sv": ("försenat", "försenade"), "en": ("behind schedule", "behind schedule")},
           {"sv": "Försenat", "en": "Behind schedule"}),
    Status("genomfört", "progress", "●", "done",
           {"sv": "Genomfört", "en": "Done"},
           {"sv": "Det som lovades är gjort. Slutbedömningen kommer vid uppföljningen.",
            "en": "What was promised has been done. The final verdict comes at the follow-up."},
           {"sv": ("genomfört", "genomförda"), "en": ("done", "done")},
           {"sv": "Genomfört", "en": "Done"}),
)

VERDICTS = (
    Status("hållet", "verdict", "✓", "kept",
           {"sv": "Hållet", "en": "Kept"},
           {"sv": "Uppföljningen visar att löftet hölls.",
            "en": "The follow-up shows that the promise was kept."},
           {"sv": ("hållet", "hållna"), "en": ("kept", "kept")}),
    Status("delvis hållet", "verdict", "◑", "partly",
           {"sv": "Delvis hållet", "en": "Partly kept"},
           {"sv": "Uppföljningen visar att en del av löftet hölls, men inte allt.",
            "en": "The follow-up shows that part of the promise was kept, but not all."},
           {"sv": ("delvis hållet", "delvis hållna"), "en": ("partly kept", "partly kept")}),
    Status("inte hållet", "verdict", "✗", "broken",
           {"sv": "Inte hållet", "en": "Not kept"},
           {"sv": "Uppföljningen visar att löftet inte hölls.",
            "en": "The follow-up shows that the promise was not kept."},
           {"sv": ("inte hållet", "inte hållna"), "en": ("not kept", "not kept")}),
    Status("kan inte bedömas", "verdict", "–", "unknown",
           {"sv": "Kan inte bedömas", "en": "Cannot be assessed"},
           {"sv": "Uppföljningen kan inte avgöra om löftet hölls, till exempel för att underlag saknas.",
            "en": "The follow-up cannot tell whether the promise was kept, for example because evidence is missing."},
           {"sv": ("kan inte bedömas", "kan inte bedömas"), "en": ("cannot be assessed", "cannot be assessed")}),
)

# Not a word content may use: what an ended promise shows where no verdict was published.
NO_VERDICT_KEY = "ingen slutbedömning"
NO_VERDICT = Status(
    NO_VERDICT_KEY, "verdict", "?", "unknown",
    {"sv": "Ingen slutbedömning publicerad", "en": "No final assessment published"},
    {"sv": "Perioden är slut, men polisen och kommunen har inte publicerat någon bedömning av om löftet hölls. "
           "Då vet ingen här om det blev gjort. Det som rapporterades under perioden visas på löftets sida.",
     "en": "The period has ended, but the police and the municipality have not published an assessment of "
           "whether the promise was kept. So nobody here can tell whether it was done. What was reported "
           "during the period is shown on the promise's page."},
    {"sv": ("utan slutbedömning", "utan slutbedömning"), "en": ("without a final assessment",) * 2},
)

BY_KEY: dict[str, Status] = {s.key: s for s in PROGRESS + VERDICTS + (NO_VERDICT,)}
PROGRESS_KEYS = tuple(s.key for s in PROGRESS)
VERDICT_KEYS = tuple(s.key for s in VERDICTS)


def reported_at_start(status: str) -> bool:
    """Does a promise that was never updated have something to show as "last reported"?

    The status it was published with says something ("pågår", "försenat") unless it
    is the default a promise starts with ("ej påbörjat") or says that nothing is
    known ("ingen uppgift"): then nothing was reported. One rule for the period
    list, the promise page and the poster, so they never disagree.
    """
    return status not in ("ingen uppgift", "ej påbörjat")
