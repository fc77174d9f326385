"""The wording on posters and share images, from the fixture content."""
import dataclasses
import datetime as dt
import functools
from pathlib import Path

from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.content.model import Image
from lofte.content.model import POLICE_CONTACT, Contact
from lofte.i18n.translate import Translator
from lofte.outputs.posters import data, words

CONTENT = Path(__file__).parent / "fixtures" / "posters" / "content"
BUILD_DATE = dt.date(2026, 11, 22)


@functools.cache
def fixture():
    errors = ErrorList()
    site = assemble(load(CONTENT, "content", errors), errors, BUILD_DATE)
    errors.raise_if_any()
    return site, derive(site)


def period(slug):
    site, facts = fixture()
    m = next(m for m in site.municipalities if m.slug == slug)
    return site, facts, m, m.periods[0]


SV = Translator("sv")


def test_the_main_date_is_the_last_report_and_the_build_date_is_only_when_it_was_made():
    site, facts, m, p = period("ankeby")
    d = data.poster(site, m, p, facts, CONTENT)
    assert d.dates == "1 januari – 31 december 2026"
    assert d.reported == "Senast rapporterat 1 oktober 2026" and d.reported_short == "Senast rapporterat 1 okt. 2026"
    assert d.made == "Affischen skapades 22 november 2026"
    assert d.ended == "" and d.result == "" and d.result_note == ""
    assert words.span(SV, dt.date(2025, 1, 1), dt.date(2026, 12, 31), "") == "1 januari 2025 – 31 december 2026"


def test_without_dates_the_first_sentence_of_the_note_is_shown():
    assert words.span(SV, None, None, "Anges inte i källan. Källan är ett förslag.") == "Tidsram: Anges inte i källan"


def test_parties_are_the_municipality_the_police_area_and_partners_with_a_part():
    site, facts, m, p = period("ankeby")
    assert data.poster(site, m, p, facts, CONTENT).parties == (
        "Ankeby kommun, Lokalpolisområde Ankeby och Ankeby Bostäder AB")


def test_each_promise_has_status_word_and_symbol_bar_and_latest_update():
    site, facts, m, p = period("ankeby")
    items = {i.title: i for i in data.poster(site, m, p, facts, CONTENT).items}
    centrum = items["Vi ska göra centrum tryggare på kvällar och helger"]
    assert centrum.mark == data.Mark("◐", "Pågår")
    assert centrum.actors == "Polisen och Ankeby kommun" and centrum.parties == ""
    # 4 of 5 by now (80 % of the year has passed): the bar's tick
    assert centrum.bar == data.Bar(0.6, "3 av 5 trygghetsvandringar – efter tidsplanen", 0.8)
    assert centrum.latest == "Senast 30 september 2026: Två ”extra” vandringar – nu även i Nygårdsområdet"
    trafik = items["Lägre hastigheter vid skolorna"]
    assert trafik.actors == ""
    assert trafik.parties == "Polisen: genomfört · Ankeby kommun: försenat · Ankeby Bostäder AB: ej påbörjat"
    assert trafik.parties_short == "Polisen: genomfört · Kommunen: försenat · Ankeby Bostäder AB: ej påbörjat"
    assert trafik.latest == "Ingen rapport om arbetet ännu"


def test_a_followed_up_period_shows_that_it_ended_and_its_final_verdicts():
    site, facts, m, p = period("cederby")
    d = data.poster(site, m, p, facts, CONTENT)
    assert d.ended == "Avslutad 31 december 2024" and d.result == "Slutbedömning:"
    assert [i.mark.label for i in d.items] == ["Delvis hållet", "Kan inte bedömas"]
    assert [c.label for c in d.counts] == ["Delvis hållet: 1", "Kan inte bedömas: 1"]
    # never "ännu" once it is over; published as "försenat" and never updated, which the web page also says
    assert d.items[1].latest == "Senast rapporterat: Försenat"


def test_an_ended_period_without_follow_up_or_verdicts_says_so():
    site, facts, m, p = period("cederby")
    state = facts.periods[p.path]
    over = dataclasses.replace(state, counts=(("ingen slutbedömning", 2),))
    assert data.counts(SV, p, over) == ((), "Ingen slutbedömning publicerad")
    assert data.counts(SV, dataclasses.replace(p, follow_up=None), state) == ((), "Ingen uppföljning publicerad")
    item = data.item(SV, p.promises[0], dataclasses.replace(p, follow_up=None), m, facts)
    assert item.mark == data.Mark("?", "Ingen slutbedömning")


def test_status_words_come_from_the_status_vocabulary():
    from lofte.content import statuses
    assert data.mark(SV, "ingen uppgift").label == statuses.BY_KEY["ingen uppgift"].text("sv")
    assert data.mark(Translator("en"), "pågår").label == "In progress"


def test_plurals_follow_the_cldr_rule():
    site, facts, m, p = period("cederby")
    state = facts.promises[p.promises[0].path]
    ind = dataclasses.replace(state.indicators[0].indicator, unit="möten", unit_one="möte")
    one = dataclasses.replace(state.indicators[0], indicator=ind, current=1, goal=1, fraction=1.0)
    assert data.bar(SV, (one,)).label == "1 av 1 möte"


def test_contacts_name_the_municipality_and_give_114_14_to_the_police_only():
    site, facts, m, p = period("ankeby")
    assert m.police_contact == POLICE_CONTACT
    lines = words.contacts(SV, site, m)
    assert lines[0] == "Frågor om löftena: Ankeby kommun, trygghet@ankeby.example.se"  # the site's, as m has none
    assert lines[1] == "Polisen: 114 14, polisen.se. Vid pågående brott eller när liv är i fara: ring 112."
    own = dataclasses.replace(m, contact=Contact("Trygghetssamordnaren", "kommun@ankeby.se", "0123-456 78",
                                                 "https://ankeby.se/trygg"),
                              police_contact=Contact("Lokalpolisområde Ankeby", "", "114 14", "https://polisen.se/ankeby"))
    assert words.contacts(SV, site, own)[:2] == (
        "Kommunen: Trygghetssamordnaren, 0123-456 78, kommun@ankeby.se",
        "Polisen: Lokalpolisområde Ankeby, 114 14, polisen.se/ankeby. Vid pågående brott eller när liv är i fara: "
        "ring 112.")


def test_text_the_poster_face_cannot_draw_is_replaced_visibly():
    assert data.clean(SV, "Trygg sommar ☀️ i parken") == "Trygg sommar [tecken som inte kan skrivas ut] i parken"


def test_qr_url_is_absolute_and_the_printed_address_is_the_same_without_scheme():
    site, facts, m, p = period("bergby")
    d = data.poster(site, m, p, facts, CONTENT)
    assert d.url == "https://lofte.example.se/trygghet/bergby/2025-2026/"
    assert d.address == "lofte.example.se/trygghet/bergby/2025-2026/"


def test_an_example_update_marks_its_period_poster_and_promise_image_as_partly_invented():
    site, facts, m, p = period("ankeby")
    assert data.poster(site, m, p, facts, CONTENT).example == "EXEMPEL – delvis påhittade uppgifter"
    shares = {pr.slug: data.share_promise(site, m, p, pr, facts) for pr in p.promises}
    assert shares["ungdomar"].example == "EXEMPEL – delvis påhittade uppgifter"
    assert shares["trafik"].example == ""
    site, facts, m, p = period("bergby")
    assert data.poster(site, m, p, facts, CONTENT).example == ""


def test_an_example_municipality_is_invented_throughout():
    site, facts, m, p = period("bergby")
    m = dataclasses.replace(m, example=True)
    assert data.poster(site, m, p, facts, CONTENT).example == "EXEMPEL – påhittade uppgifter"
    assert data.share_period(site, m, p, facts).example == "EXEMPEL – påhittade uppgifter"


def test_a_logo_is_read_only_when_content_supplies_an_image(tmp_path):
    site, facts, m, p = period("ankeby")
    assert data.logo(m, CONTENT) is None
    (tmp_path / "logo.png").write_bytes(b"png bytes")
    (tmp_path / "logo.svg").write_bytes(b"<svg/>")
    assert data.logo(dataclasses.replace(m, logo=Image("logo.png", "Logga")), tmp_path) == b"png bytes"
    assert data.logo(dataclasses.replace(m, logo=Image("logo.svg", "Logga")), tmp_path) is None


def test_actors_sharing_a_status_other_than_the_promise_are_named_once():
    site, facts, m, p = period("ankeby")
    state = facts.promises["ankeby/2026/trafik/index.md"]
    same = dataclasses.replace(state, actors=tuple(dataclasses.replace(a, status="pågår") for a in state.actors))
    assert data.actors(SV, same, m, True) == ("", "Polisen, Ankeby kommun och Ankeby Bostäder AB: pågår")


def test_abbreviated_dates_for_tight_lines():
    assert words.span(SV, dt.date(2026, 1, 1), dt.date(2026, 12, 31), "", "MMM") == "1 jan. – 31 dec. 2026"
