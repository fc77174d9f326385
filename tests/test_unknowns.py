"""`okänt`: what a source does not state, read as a value (lofte/content/unknowns.py)."""
import datetime as dt

import pytest
from conftest import FIXTURES, content_errors, edit, options

from lofte.build.pipeline import read_site
from lofte.content.model import Unknown

KOMMUN = "storby/kommun.yaml"
AREA = "police_area: Lokalpolisområde Storby"


@pytest.mark.parametrize("written, note", [
    ("police_area: okänt", ""),
    ("police_area: Okänt.", ""),
    ("police_area: okänd", ""),
    ("police_area: okant", ""),  # without the ring, as on a keyboard without å
    ("police_area:\n  okänt:", ""),
    ("police_area:\n  okänt: Källan nämner inget lokalpolisområde.", "Källan nämner inget lokalpolisområde."),
    ("police_area:\n  Okänt: Källan nämner inget lokalpolisområde.", "Källan nämner inget lokalpolisområde."),
])
def test_both_forms_and_their_spellings_are_read_as_unknown(small_content, written, note):
    edit(small_content, KOMMUN, AREA, written)
    [m] = read_site(options(small_content)).municipalities
    assert m.police_area == Unknown(note)


@pytest.mark.parametrize("written, expected", [
    ("police_area:\n  okänt: Källan säger inget.\n  namn: Storby",
     "content/storby/kommun.yaml:3: police_area: okänt kan inte stå tillsammans med namn: skriv antingen värdet, "
     "eller bara okänt (med en förklaring efter okänt:) och ta bort namn"),
    ("police_area:\n  okänt: [Källan, säger inget]",
     "content/storby/kommun.yaml:4: police_area.okänt: väntade en förklaring (text) efter okänt:, t.ex. okänt: Källan "
     "nämner inget om det."),
    ("police_area:\n  okänt: " + "x" * 1001,
     "content/storby/kommun.yaml:4: police_area.okänt: är för långt (1001 tecken; högst 1000)"),
    ("",
     "content/storby/kommun.yaml:1: police_area: saknas: fältet är obligatoriskt; säger källan inget om det, skriv "
     "police_area: okänt"),
    ("police_area:",
     "content/storby/kommun.yaml:3: police_area: är tomt: fältet är obligatoriskt; säger källan inget om det, skriv "
     "police_area: okänt"),
])
def test_errors_say_exactly_what_is_wrong_and_how_to_mark_it(small_content, written, expected):
    edit(small_content, KOMMUN, AREA, written)
    assert content_errors(small_content) == [expected]


def test_every_kind_of_field_a_source_may_be_silent_on(tmp_path):
    """The archive fixture marks each of them; the model holds an Unknown (with the note) in its place."""
    site = read_site(options(FIXTURES / "archive", build_date=dt.date(2026, 12, 5), cache_dir=tmp_path))
    by = {m.slug: m for m in site.municipalities}
    dalby, fjallby = by["dalby"], by["fjallby"]
    old, undated = dalby.periods
    assert dalby.police_area == Unknown("Källan nämner inget lokalpolisområde.")
    assert (undated.start, undated.end) == (Unknown(), Unknown("Källan säger bara att löftet gäller 2023–2024."))
    assert [undated.signed_place, undated.signatories, undated.situation, undated.focus_areas] == [Unknown()] * 4
    assert undated.feedback_plan == Unknown("Källan säger inget om hur invånarna får veta hur det går.")
    assert (old.follow_up.quality, old.follow_up.effects) == (Unknown(), Unknown("Uppföljningen mäter inga effekter."))
    [daily] = undated.promises
    assert daily.actors[0].responsible == Unknown("Källan namnger ingen enhet hos polisen.")
    assert (daily.approach, daily.activities, daily.indicators[0].target.date) == (Unknown(), Unknown(), Unknown())
    assert old.promises[1].indicators_unknown == Unknown() and old.promises[1].indicators == ()
    ekeby_all, ekeby_centre = by["ekeby"].periods
    assert ekeby_all.feedback_plan.interval_days == Unknown()
    assert ekeby_centre.promises[0].indicators[0].baseline == Unknown()
    ended, listed_none = fjallby.periods
    assert listed_none.promises == () and listed_none.promises_unknown == Unknown(
        "Sidan säger att kommunen och polisen har tecknat medborgarlöften, men inte vilka.")
    assert (listed_none.signed, listed_none.purpose) == (Unknown(), Unknown())
    assert ended.follow_up.activities == Unknown() and ended.promises_unknown.note.startswith("Källan nämner fyra")
