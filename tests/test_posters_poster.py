"""Posters drawn from the fixture content: inside the margins, legible, readable QR."""
import dataclasses
import datetime as dt
import functools
import re
import shutil
from pathlib import Path

import pytest
import segno
import zxingcpp
from PIL import Image

from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.outputs.posters import data, fonts, palette, poster, typeset
from lofte.outputs.posters.paper import A3, A4, PAPERS, Sheet, px

CONTENT = Path(__file__).parent / "fixtures" / "posters" / "content"
SHEETS = [Sheet(A3, False), Sheet(A4, False), Sheet(A3, True), Sheet(A4, True)]


@functools.cache
def posters() -> dict[str, data.PosterData]:
    errors = ErrorList()
    site = assemble(load(CONTENT, "content", errors), errors, dt.date(2026, 11, 22))
    errors.raise_if_any()
    facts = derive(site)
    return {m.slug: data.poster(site, m, m.periods[0], facts, CONTENT) for m in site.municipalities}


@functools.cache
def drawn(slug: str, paper: str, bleed: bool):
    return poster.draw(posters()[slug], Sheet(PAPERS[paper], bleed))


ALL = [(slug, s.paper.name, s.bleed) for slug in ("ankeby", "bergby", "cederby") for s in SHEETS]


def text_of(canvas) -> str:
    return " ".join(t.text for t in canvas.texts).replace("\u00a0", " ")


@pytest.mark.parametrize("slug, paper, bleed", ALL)
def test_every_text_box_lies_inside_the_printable_area(slug, paper, bleed):
    sheet = Sheet(PAPERS[paper], bleed)
    x0, y0, x1, y1 = sheet.printable
    assert x0 - sheet.bleed_px >= px(10) and y0 - sheet.bleed_px >= px(10)
    canvas = drawn(slug, paper, bleed)
    assert canvas.image.size == sheet.size
    for t in canvas.texts:
        bx0, by0, bx1, by1 = t.box
        assert x0 <= bx0 and y0 <= by0 and bx1 <= x1 and by1 <= y1, t


@pytest.mark.parametrize("slug, paper, bleed", ALL)
def test_no_text_is_smaller_than_the_legible_minimum(slug, paper, bleed):
    sheet = Sheet(PAPERS[paper], bleed)
    assert all(t.size >= typeset.min_size(sheet) for t in drawn(slug, paper, bleed).texts)


def test_the_minimum_on_a3_has_capitals_at_least_7_mm_high():
    assert fonts.cap_height("regular", typeset.min_size(Sheet(A3, False))) >= px(7)


@pytest.mark.parametrize("slug, paper, bleed", ALL)
def test_all_text_has_at_least_4_5_to_1_contrast(slug, paper, bleed):
    assert all(palette.contrast(t.ink, t.ground) >= 4.5 for t in drawn(slug, paper, bleed).texts)


@pytest.mark.parametrize("slug, paper, bleed", ALL)
def test_text_boxes_do_not_overlap(slug, paper, bleed):
    boxes = [t.box for t in drawn(slug, paper, bleed).texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_eight_long_promises_show_as_many_as_fit_and_say_how_many_more(paper):
    text = text_of(drawn("bergby", paper, False))
    hidden = int(re.search(r"… och (\d+) löften till på lofte\.example\.se/", text).group(1))
    assert 1 <= hidden <= 6
    first_words = ["Fördjupa", "Utveckla", "Förebyggande", "Öka", "Minska", "Genomföra", "Informera", "Stärka"]
    shown = 8 - hidden
    assert all(w in text for w in first_words[:shown])
    assert first_words[shown] not in text
    assert "bergby/2025-2026/" in text


def test_every_promise_shows_when_there_is_room_with_status_words_bar_values():
    text = text_of(drawn("ankeby", "a3", False))
    for words in ("centrum tryggare", "Lägre hastigheter", "Fritidsgården", "Pågår", "Försenat", "Genomfört",
                  "3 av 5 trygghetsvandringar", "Läget 22 november 2026"):
        assert words in text
    assert "löften till" not in text


def crowded() -> data.PosterData:
    """Three promises as long as the demo's Exempelby: label, two lines of parties, long
    titles, actor lines and updates, and a progress bar on every promise."""
    base = posters()["ankeby"]

    def item(title, symbol, status, actors, bar, latest):
        return data.Item(title, data.Mark(symbol, status), actors, data.Bar(*bar),
                         f"Senast {latest[0]} 2026: {latest[1]}", f"Senast {latest[0][:-5]}. 2026: {latest[1]}")
    items = (
        item("Minst fem trygghetsvandringar i Ankebygården med boende och föreningar under 2026", "!", "Försenat",
             "Ankeby kommun (påhittad), Polisen och Ankeby Bostäder AB (påhittat): pågår",
             (0.6, "3 av 5 vandringar – efter tidsplanen"),
             ("10 november", "fjärde vandringen blir den 3 december i Ankebygården")),
        item("Polisen på plats i centrum minst en dag i veckan året om", "◐", "Pågår",
             "Polisen och Ankeby kommun (påhittad)", (0.9038, "47 av 52 dagar"),
             ("13 november", "närvaro i oktober och början av november")),
        item("Fler ska känna sig trygga i centrum på kvällen enligt trygghetsmätningen", "◐", "Pågår",
             "Polisen: genomfört · Ankeby kommun (påhittad): försenat", (0.2, "Nu 60 procent, mål 65 procent"),
             ("28 oktober", "vårens mätning och den försenade belysningen vid torget")),
    )
    return dataclasses.replace(
        base, items=items, example=data.INVENTED,
        parties="Ankeby kommun (påhittad), Lokalpolisområde Ankeby (påhittat) och Ankeby Bostäder AB (påhittat)",
        title="Medborgarlöften i Ankeby 2026 (påhittat exempel)")


@pytest.mark.parametrize("case", ["fixture", "crowded"])
@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_with_three_promises_each_shows_its_bar_and_latest_update(case, paper):
    """Progress is what the poster is for: header luxury, large titles and long actor lines go first."""
    d = posters()["ankeby"] if case == "fixture" else crowded()
    assert len(d.items) == 3
    canvas = poster.draw(d, Sheet(PAPERS[paper], False))
    lines = [t.text.replace("\u00a0", " ") for t in canvas.texts]
    for item in d.items:
        assert item.title.split()[0] in text_of(canvas)
        if item.bar:  # the whole value, on one line beside its bar
            assert item.bar.label in lines
        date = item.latest.split(":")[0], item.latest_short.split(":")[0]
        assert sum(1 for line in lines if line.startswith(date)) == 1, item.latest
    assert "löften till" not in text_of(canvas)
    plan, shown = poster.choose([poster.Setting(Sheet(PAPERS[paper], False), d)])
    assert shown == 3 and plan.detail.bar and plan.detail.latest


def test_a_crowded_poster_tightens_space_and_shortens_actor_lines_before_leaving_out_progress():
    plan, _ = poster.choose([poster.Setting(Sheet(p, False), crowded()) for p in (A3, A4)])
    assert (plan.header, plan.detail) == (poster.PROGRESS.header, poster.PROGRESS.detail)
    assert poster.DENSE <= plan.space < 1  # as much space given back as the room allows
    order = [poster.PLANS.index(p) for p in (poster.PROGRESS, poster.Plan(poster.LEAN, poster.NO_LATEST, poster.DENSE),
                                             poster.Plan(poster.LEAN, poster.LEANEST, poster.DENSE))]
    assert order == sorted(order) and order[-1] == len(poster.PLANS) - 1


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_promises_shown_on_a_full_poster_keep_their_latest_update(paper):
    d = posters()["bergby"]
    lines = [t.text for t in drawn("bergby", paper, False).texts]
    hidden = int(re.search(r"… och (\d+) löften", text_of(drawn("bergby", paper, False))).group(1))
    latest = [line for line in lines if line.startswith(("Senast", "Ingen rapport"))]
    assert len(latest) == len(d.items) - hidden


@pytest.mark.parametrize("slug", ["ankeby", "bergby", "cederby"])
def test_a3_and_a4_show_the_same_layout(slug):
    a3, a4 = drawn(slug, "a3", False), drawn(slug, "a4", False)
    # Planned for both sizes together: rounding alone would give cederby a roomier A3 than A4.
    assert [t.text for t in a3.texts] == [t.text for t in a4.texts]


def test_the_example_label_is_drawn_only_for_example_data():
    assert "EXEMPEL – delvis påhittade uppgifter" in text_of(drawn("ankeby", "a3", False))
    assert "EXEMPEL" not in text_of(drawn("bergby", "a3", False))
    label = next(t for t in drawn("ankeby", "a4", False).texts if t.text.startswith("EXEMPEL"))
    assert (label.ink, label.ground) == (palette.WHITE, palette.LABEL_GROUND)


def test_feedback_and_address_are_printed():
    text = text_of(drawn("cederby", "a4", False))
    assert "Skriv till trygghet@ankeby.example.se" in text
    assert "lofte.example.se/trygghet/cederby/2024/" in text


@pytest.mark.parametrize("slug, paper, bleed", ALL)
def test_nothing_is_drawn_in_the_quiet_zone_of_the_qr_code(slug, paper, bleed):
    canvas = drawn(slug, paper, bleed)
    x0, y0, x1, y1 = canvas.code
    d = posters()[slug]
    quiet = 4 * (x1 - x0) // (len(segno.make(d.url, error="q", boost_error=False).matrix) + 8)
    assert x0 >= 0 and y0 >= 0
    for band in ((x0, y0, x1, y0 + quiet), (x0, y1 - quiet, x1, y1), (x0, y0, x0 + quiet, y1), (x1 - quiet, y0, x1, y1)):
        assert canvas.image.crop(band).getextrema() == (palette.WHITE, palette.WHITE), band
    for t in canvas.texts:  # no text box reaches into the code or its quiet zone
        assert t.box[2] <= x0 or x1 <= t.box[0] or t.box[3] <= y0 or y1 <= t.box[1], t


@pytest.mark.parametrize("slug, paper, bleed", [a for a in ALL if not a[2]] + [("ankeby", "a3", True)])
def test_the_qr_code_decodes_to_the_absolute_period_url(slug, paper, bleed):
    image = drawn(slug, paper, bleed).image
    factor = 3
    results = zxingcpp.read_barcodes(image.reduce(factor))
    assert [r.text for r in results] == [posters()[slug].url]
    assert results[0].ec_level == "Q"
    p = results[0].position
    width = (p.top_right.x - p.top_left.x) * factor
    assert width >= px(40 * Sheet(PAPERS[paper], bleed).paper.scale) - 2 * factor


def test_a_supplied_logo_is_drawn_top_right_and_the_parties_make_room(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    Image.new("RGB", (400, 200), (200, 30, 30)).save(content / "ankeby" / "logo.png")
    kommun = content / "ankeby" / "kommun.yaml"
    kommun.write_text(kommun.read_text() + "logo:\n  file: logo.png\n  alt: Ankeby kommuns logotyp\n")
    errors = ErrorList()
    site = assemble(load(content, "content", errors), errors, dt.date(2026, 11, 22))
    errors.raise_if_any()
    m = site.municipalities[0]
    d = data.poster(site, m, m.periods[0], derive(site), content)
    assert d.logo is not None
    sheet = Sheet(A3, False)
    canvas = poster.draw(d, sheet)
    x0, y0, x1, y1 = sheet.printable
    logo = canvas.image.crop((x1 - px(20), y0 + px(30), x1, y0 + px(40)))
    assert logo.getextrema()[1] < palette.WHITE  # the red logo, in grey
    assert logo.getextrema()[0] >= palette.MIN_GREY
    parties = [t for t in canvas.texts if "Ankeby kommun" in t.text and t.box[1] < y0 + px(60)]
    assert parties and all(t.box[2] < x1 - px(60) for t in parties)


def test_a_period_without_promises_still_makes_a_poster():
    empty = dataclasses.replace(posters()["bergby"], items=(), counts=())
    canvas = poster.draw(empty, Sheet(A4, False))
    assert "Medborgarlöften i Bergby" in text_of(canvas) and "löften till" not in text_of(canvas)


def with_summaries(slug: str, n: int, summary: str) -> data.PosterData:
    d = posters()[slug]
    return dataclasses.replace(d, items=tuple(dataclasses.replace(i, summary=summary) for i in d.items[:n]))


SUMMARY = ("Polisen och kommunen går trygghetsvandringar med boende varje månad och "
           "rättar till det som gör att människor känner sig otrygga.")


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_a_poster_with_room_says_what_each_promise_promises(paper):
    d = with_summaries("cederby", 1, SUMMARY)
    canvas = poster.draw(d, Sheet(PAPERS[paper], False))
    assert SUMMARY in text_of(canvas)  # whole, in the poster's own lines
    plan, shown = poster.choose([poster.Setting(Sheet(p, False), d) for p in (A3, A4)])
    assert shown == 1 and plan.detail.summary_lines and plan.detail.bar and plan.detail.latest


def test_a_summary_that_would_be_cut_short_is_left_out():
    long = " ".join([SUMMARY] * 6)
    canvas = poster.draw(with_summaries("cederby", 1, long), Sheet(A3, False))
    assert text_of(canvas) == text_of(poster.draw(with_summaries("cederby", 1, ""), Sheet(A3, False)))


def test_summaries_never_push_progress_off_a_full_poster():
    plain = poster.choose([poster.Setting(Sheet(p, False), posters()["bergby"]) for p in (A3, A4)])
    told = poster.choose([poster.Setting(Sheet(p, False), with_summaries("bergby", 8, SUMMARY)) for p in (A3, A4)])
    assert told == plain and not told[0].detail.summary_lines
