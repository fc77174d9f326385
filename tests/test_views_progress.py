"""How a target reads on a promise page (lofte/outputs/views/progress.py): rates in words,
a total only over a time frame, and what the source does not state said in a sentence."""
import datetime as dt

import pytest
from conftest import edit, options

from lofte.build.pipeline import read_site
from lofte.content.derived import derive
from lofte.i18n.localize import Localizer
from lofte.i18n.translate import Translator
from lofte.outputs.views.progress import target_text
from lofte.outputs.views.words import Words

PROMISE = "storby/2025/fler-kontroller/index.md"
GIVEN = "    unit: kontroller\n    kind: frequency\n    frequency: month\n    target: {value: 2}\n"


def target(content, lang: str = "sv") -> str:
    site = read_site(options(content, build_date=dt.date(2025, 6, 30)))
    state = derive(site).promises[PROMISE].indicators[0]
    w = Words(Translator(lang), Localizer(lang, lang))
    unit = w.unit_words(state.indicator, None)
    text = str(target_text(w, state, lambda n: w.quantity(n, unit)))
    return text.replace("\xa0", " ")  # a number and its unit never part at a line break


@pytest.mark.parametrize("indicator, dated, sv, en", [
    ("    unit: dagar\n    kind: frequency\n    frequency: day\n    target: {value: 1}\n", False,
     "Mål: varje dag", "Target: every day"),
    ("    unit: dagar\n    kind: frequency\n    frequency: day\n    target: {value: 1}\n", True,
     "Mål: varje dag (totalt 365 dagar)", "Target: every day (365 days in total)"),
    ("    unit: dagar\n    kind: frequency\n    frequency: weekday\n    target: {value: 1}\n", True,
     "Mål: varje vardag (totalt 261 dagar)", "Target: every weekday (261 days in total)"),
    ("    unit: tillfällen\n    kind: frequency\n    frequency: day\n    target: {value: 2}\n", False,
     "Mål: minst 2 tillfällen om dagen", "Target: at least 2 occasions a day"),
    ("    unit: dagar\n    kind: frequency\n    frequency: week\n    target: {value: 1}\n", True,
     "Mål: minst 1 dag i veckan (totalt 52 dagar)", "Target: at least 1 day a week (52 days in total)"),
    ("    unit: dagar\n    kind: frequency\n    frequency: weekday\n    target:\n      value: 1\n      date: okänt\n",
     False, "Mål: varje vardag. När målet ska vara nått anges inte i källan.",
     "Target: every weekday. The source does not say when the target is to be reached."),
    ("    unit: kontroller\n    kind: count\n    target: okänt\n", True,
     "Målvärdet anges inte i källan.", "The source does not give the target value."),
])
def test_a_target_in_words(small_content, indicator, dated, sv, en):
    edit(small_content, PROMISE, GIVEN, indicator)
    if dated:  # the whole of 2026, so the totals are a plain year's
        edit(small_content, "storby/2025/lofte.yaml", "start: 2025-01-01\nend: 2025-12-31",
             "start: 2026-01-01\nend: 2026-12-31")
    else:
        edit(small_content, "storby/2025/lofte.yaml", "start: 2025-01-01\nend: 2025-12-31", "start: okänt\nend: okänt")
    assert (target(small_content), target(small_content, "en")) == (sv, en)
