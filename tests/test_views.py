"""View data (lofte/outputs/views/): what each page says, in Swedish and English, from the small fixture.

Each test builds the model from tests/fixtures/small (edited where the case needs it)
and calls the view the page template would get, so wording, counts and escaping are
checked without rendering HTML.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import pytest
from conftest import SMALL, edit, options

from lofte.build.pipeline import read_site
from lofte.content.derived import derive
from lofte.content import urls
from lofte.content.model import Source, Translation, Unknown
from lofte.i18n.localize import Localizer
from lofte.i18n.translate import Translator
from lofte.outputs import views
from lofte.outputs.views import embed_code, notices, period_page, promise_page, sources, start, summary, unstated
from lofte.outputs.views.words import Words

PARK = "storby/2025/trygg-park/index.md"
KONTROLLER = "storby/2025/fler-kontroller/index.md"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The unedited small fixture: (site, facts), built on 30 June 2025."""
    site = read_site(options(SMALL, cache_dir=tmp_path_factory.mktemp("views-cache")))
    return site, derive(site)


def model(content):
    site = read_site(options(content))
    return site, derive(site)


def page(site, facts, lang: str = "sv", **extra) -> dict:
    """The variables a page of the first period gets (as pages.render makes them), with its words."""
    m = site.municipalities[0]
    w = Words(Translator(lang), Localizer(lang, lang), m)
    v = {"site": site, "facts": facts, "lang": lang, "content_lang": lang, "_": w._, "tr": w.tr, "words": w,
         "municipality": m, "period": m.periods[0], "localized_pages": frozenset(),
         "url_path": "storby/2025/", "base_path": "/trygghet/lofte/"}
    v.update(extra)
    return v


def promise(site, slug: str):
    return next(pr for pr in site.municipalities[0].periods[0].promises if pr.slug == slug)


# -- summary ---------------------------------------------------------------

def test_period_summary_counts_and_names_the_late_promise(small):
    site, facts = small
    p = site.municipalities[0].periods[0]
    for lang, line, heading, late in (
            ("sv", "2 löften: 2 pågår", "Så går det", "Uppdatering saknas sedan 11 april 2025"),
            ("en", "2 promises: 2 in progress", "How it is going", "Update missing since 11 April 2025")):
        w = page(site, facts, lang)["words"]
        s = summary.period_summary(w, p, facts.periods[p.path], facts)
        assert (s.line, s.heading, s.ended) == (line, heading, "")
        assert [(r.title.text, r.late) for r in s.rows] == [("Tryggare park", ""), ("Fler hastighetskontroller", late)]
        assert [(sv.key, n) for sv, n in s.counts] == [("pågår", 2)]
    sv = summary.period_summary(page(site, facts)["words"], p, facts.periods[p.path], facts)
    assert sv.overdue == "1 löfte har inte uppdaterats så ofta som planen för återkoppling säger."


def test_promise_summary_says_who_is_late_and_since_when(small):
    site, facts = small
    p = site.municipalities[0].periods[0]
    w = page(site, facts)["words"]
    park = summary.promise_summary(w, promise(site, "trygg-park"), p, facts.promises[PARK], facts)
    assert [(a.name, a.status.label) for a in park.actors] == [
        ("Polisen", "Pågår"), ("Storby kommun", "Försenat"), ("Storby Bostäder AB", "Pågår")]
    assert (park.last_report, park.next_report, park.late) == ("10 april 2025", "Senast 19 juli 2025", False)
    ctrl = summary.promise_summary(w, promise(site, "fler-kontroller"), p, facts.promises[KONTROLLER], facts)
    assert ctrl.last_report == "Inget rapporterat sedan perioden började 1 januari 2025"
    assert (ctrl.next_report, ctrl.late) == ("Försenad: skulle ha kommit senast 11 april 2025", True)


def test_an_ended_period_without_follow_up_says_there_is_no_verdict(small_content):
    site = read_site(options(small_content, build_date=dt.date(2026, 2, 1)))
    facts = derive(site)
    p = site.municipalities[0].periods[0]
    w = page(site, facts)["words"]
    s = summary.period_summary(w, p, facts.periods[p.path], facts)
    assert (s.ended, s.heading) == ("Avslutad 31 december 2025", "Så gick det")
    assert s.note == ("Perioden är slut, men ingen uppföljning är publicerad. "
                      "Därför finns ingen slutbedömning av löftena.")
    assert "Pågår" not in [r.status.label for r in s.rows]  # never a running status after the end


# -- start -----------------------------------------------------------------

def test_home_counts_promises_and_municipalities(small):
    site, facts = small
    sv, en = start.home(page(site, facts)), start.home(page(site, facts, "en"))
    assert sv["national"].line == "2 löften i 1 kommun"
    assert sv["national"].running_line == "Löften som gäller nu, i 1 kommun: 2 pågår."
    assert en["national"].line == "2 promises in 1 municipality"
    (card,) = sv["cards"]
    assert [(c.line, c.overdue) for c in card.periods] == [("2 löften: 2 pågår", "1 löfte har inte uppdaterats i tid.")]


def with_police_area(content, area: str):
    """The small fixture's municipality with `police_area` written as `area`, and its words."""
    edit(content, "storby/kommun.yaml", "police_area: Lokalpolisområde Storby", f"police_area:{area}")
    site, facts = model(content)
    return page(site, facts)["words"], site.municipalities[0]


def test_an_unstated_police_area_is_said_in_a_sentence_and_its_note_escaped(small_content):
    w, m = with_police_area(small_content, "\n  okänt: Avtalet <script>x</script> nämner inget område.")
    said = str(start.given_by(w, m))
    assert said.startswith("Löftena ges av Storby kommun och polisen. Lokalpolisområdet anges inte i källan. ")
    assert "&lt;script&gt;x&lt;/script&gt;" in said and "<script>" not in said
    assert str(start.police_area(w, m)).startswith("Lokalpolisområdet anges inte i källan.")
    assert period_page.parties(w, m) == "Storby kommun, polisen, Storby Bostäder AB"


def test_a_police_area_with_markup_is_escaped(small_content):
    w, m = with_police_area(small_content, " Lokalpolisområde <b>Storby</b>")
    assert str(start.given_by(w, m)) == (
        "Löftena ges av Storby kommun och polisen i Lokalpolisområde &lt;b&gt;Storby&lt;/b&gt;.")
    assert str(start.police_area(w, m)) == "Lokalpolisområde &lt;b&gt;Storby&lt;/b&gt;"


# -- period page, embed code -----------------------------------------------

def test_period_page_dates_signing_and_feedback_plan(small):
    site, facts = small
    v = period_page.view(page(site, facts))
    assert str(v["dates"]) == "1 januari 2025 – 31 december 2025"
    assert str(v["signed"]) == "10 december 2024, Storby"
    assert str(v["feedback"]["said"]) == "Varje löfte ska uppdateras minst en gång på 100 dagar."
    assert [(x.size, x.pdf) for x in v["posters"]] == [
        ("A4", "storby/2025/affisch/medborgarloften-storby-2025-a4.pdf"),
        ("A3", "storby/2025/affisch/medborgarloften-storby-2025-a3.pdf")]
    en = period_page.view(page(site, facts, "en"))
    assert str(en["feedback"]["said"]) == "Each promise is to be updated at least once every 100 days."


def test_unknown_dates_are_said_with_the_note(small_content):
    edit(small_content, "storby/2025/lofte.yaml", "start: 2025-01-01\nend: 2025-12-31",
         "start: okänt\nend:\n  okänt: Beslut väntas.")
    site, facts = model(small_content)
    w = page(site, facts)["words"]
    p = site.municipalities[0].periods[0]
    assert str(unstated.dates(w, p)) == "Källan anger inte när löftena gäller. Beslut väntas."
    en = page(site, facts, "en")["words"]  # the Swedish note is marked as Swedish on an English page
    assert str(unstated.dates(en, p)) == 'The source does not say when the promises apply. <span lang="sv">Beslut väntas.</span>'


def test_unstated_parts_are_named_once_with_each_note_once(small):
    site, facts = small
    w = page(site, facts)["words"]
    note = Unknown("Se <b>bilagan</b>.")
    said = str(unstated.parts(w, [("aktiviteter", note), ("effekter", "finns"), ("kvalitet", note)]))
    assert said == "Källan anger inte: aktiviteter och kvalitet. Se &lt;b&gt;bilagan&lt;/b&gt;."
    assert unstated.sentence(w._, "target") == "Målvärdet anges inte i källan."
    assert str(unstated.parts(w, [("effekter", "finns")])) == ""


def test_embed_snippet_escapes_the_period_title(small):
    site, facts = small
    v = page(site, facts)
    p = dataclasses.replace(v["period"], title='Löften <script>alert(1)</script> & "mer"')
    code = embed_code.snippet(v, p)
    assert code.startswith('<iframe src="https://example.se/trygghet/lofte/storby/2025/inbaddning/" '
                           'title="Löften &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;mer&#34;" ')
    assert 'height="540"' in code  # 320 + 110 per promise, for the two promises
    assert "<script>" not in code


def test_embed_snippet_links_the_page_in_the_pages_language(small):
    site, facts = small
    p = site.municipalities[0].periods[0]
    v = page(site, facts, "en", localized_pages=frozenset({urls.embed(p)}))
    assert f'src="https://example.se/trygghet/lofte/{urls.localized(urls.embed(p), "en")}"' in embed_code.snippet(v, p)


# -- promise page ----------------------------------------------------------

def test_promise_page_history_in_words(small):
    site, facts = small
    v = promise_page.view(page(site, facts, promise=promise(site, "trygg-park")))
    assert [str(c.text) for c in v["changes"] if c.text] == [
        "Storby kommun: status ändrad från Ej påbörjat till Försenat", "status ändrad från Ej påbörjat till Pågår"]
    ups = {u.update.slug: u for u in v["updates"]}
    assert ups["2025-04-01-andra-vandringen"].corrected_by == "2025-04-10-rattelse"
    assert [str(q) for _n, q in ups["2025-04-01-andra-vandringen"].progress] == ["2\xa0vandringar", "64\xa0procent"]
    assert (ups["2025-03-01-forsta-vandringen"].when, ups["2025-03-01-forsta-vandringen"].status.label) == (
        "1 mars 2025", "Pågår")
    assert v["lead"].text == "Fem trygghetsvandringar i parken."


def test_how_leaves_out_what_the_body_already_says():
    keep, acts, effs = promise_page.unsaid("Vi går trygghetsvandringar i parken varje månad tillsammans med boende.",
                                           "Vi går trygghetsvandringar i parken.", ("Ökad trygghet", "Vi går trygghetsvandringar i parken varje månad"),
                                           ("Ökad trygghet", "Färre brott"))
    # the approach is new text (short, not whole), the long activity is inside the body, the first effect repeats one
    assert (keep, acts, effs) == (True, (0,), (1,))


# -- sources, notices, common parts ----------------------------------------

def test_sources_hide_file_names_but_keep_reference_numbers():
    src = Source("Medborgarlöfte 2025", "lofte-2025.pdf, KS 2024/123", "https://example.se/a.pdf", "Avviker.",
                 dt.date(2024, 12, 10))
    (view,) = sources.sources((src,))
    assert (view.title, view.url, view.reference, view.note, view.date) == (
        "Medborgarlöfte 2025", "https://example.se/a.pdf", "KS 2024/123", "Avviker.", dt.date(2024, 12, 10))
    assert sources.source(None) is None
    assert sources.source(Source("T", "utkast.docx")).reference == ""


def test_translation_notice_speaks_the_translations_language():
    revised = SimpleNamespace(revised=dt.date(2025, 2, 1))
    en = notices.translation(revised, Translation("en", dt.date(2025, 1, 5), False, True, {}), True)
    assert en.lines[0] == "Unofficial translation into English, made on 5 January 2025."
    assert en.warning.startswith("The Swedish text was changed on 1 February 2025, after the translation.")
    assert en.original == "Read the Swedish text" and en.example
    ar = notices.translation(SimpleNamespace(revised=None), Translation("ar", dt.date(2025, 1, 5), True, False, {}),
                             False)
    assert (ar.lang, ar.dir, ar.warning, ar.original) == ("ar", "rtl", "", "")
    assert ar.lines[0] == "ترجمة إلى العربية، أُنجزت في 5 يناير 2025."
    # a language without sentences in notices.yaml: the Swedish sentence, marked as Swedish
    de = notices.translation(SimpleNamespace(revised=None), Translation("de", dt.date(2025, 1, 5), True, False, {}),
                             False)
    assert (de.lang, de.lines[0]) == ("sv", "Översättning till tyska, gjord 5 januari 2025.")


def test_page_notice_only_where_the_interface_is_not_translated(small):
    site, _facts = small
    assert notices.for_page({"content_lang": "sv", "site": site}) is None
    assert notices.for_page({"content_lang": "en", "site": site}) is None
    ar = notices.for_page({"content_lang": "ar", "site": site})
    assert (ar.lang, ar.dir) == ("ar", "rtl") and "العربية" in ar.lines[0]


def test_share_image_alt_text_and_links_relative_to_the_page(small):
    site, facts = small
    v = page(site, facts)
    period = views.share_image(v, v["words"])
    assert period.url == "https://example.se/trygghet/lofte/storby/2025/dela.png"
    assert (period.alt, period.width, period.height) == ("Medborgarlöften i Storby 2025: 2 löften: 2 pågår", 1200, 630)
    v_promise = page(site, facts, "en", promise=promise(site, "trygg-park"))
    assert views.share_image(v_promise, v_promise["words"]).alt == "Tryggare park: In progress"
    assert views.chrome(v) == {"root": "../../", "home": "../../"}
    assert views.chrome(dict(v, absolute_links=True)) == {"root": "/trygghet/lofte/", "home": "/trygghet/lofte/"}
