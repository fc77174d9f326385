"""Posters as drawn: every promise with its status and progress, inside the margins,
legible, on as many pages as it takes; checked on the layout records and on the pixels
in the regions they claim (no OCR here)."""
import dataclasses
import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest
import segno
import zxingcpp
from PIL import Image

from lofte.content import statuses
from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.outputs.posters import data, fonts, palette, poster, typeset
from lofte.outputs.posters.paper import A3, A4, PAPERS, Sheet, px

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT = FIXTURES / "posters" / "content"
MESSY = FIXTURES / "messy"
DATES = {CONTENT: dt.date(2026, 11, 22), MESSY: dt.date(2026, 12, 5)}


@functools.cache
def posters(content: Path = CONTENT) -> dict[str, data.PosterData]:
    """Every period's poster data, by period folder ("ankeby/2026")."""
    errors = ErrorList()
    site = assemble(load(content, "content", errors), errors, DATES[content])
    errors.raise_if_any()
    facts = derive(site)
    return {f"{m.slug}/{p.slug}": data.poster(site, m, p, facts, content) for m in site.municipalities
            for p in m.periods}


def poster_data(period: str) -> data.PosterData:
    return posters(MESSY if period.startswith(("aby", "bro")) else CONTENT)[period]


@functools.cache
def drawn(period: str, paper: str, bleed: bool = False):
    return poster.draw(poster_data(period), Sheet(PAPERS[paper], bleed))


PERIODS = ["ankeby/2026", "bergby/2025-2026", "cederby/2024", "aby/2023-2024", "aby/2025-2026", "bro/2022"]
ALL = [(period, paper) for period in PERIODS for paper in ("a3", "a4")]
BLEED = [("ankeby/2026", "a3"), ("aby/2023-2024", "a4")]


def text_of(pages) -> str:
    return " ".join(t.text for canvas in pages for t in canvas.texts).replace("\u00a0", " ")


def lines_of(pages) -> list[str]:
    return [t.text.replace("\u00a0", " ") for canvas in pages for t in canvas.texts]


# What a resident must find: every promise, its status and its progress.

@pytest.mark.parametrize("period, paper", ALL)
def test_every_promise_is_drawn_in_order_with_its_status_and_progress(period, paper):
    d, pages = poster_data(period), drawn(period, paper)
    shown = [p for canvas in pages for p in canvas.promises]
    assert [p.title for p in shown] == [i.title for i in d.items]
    for item, p in zip(d.items, shown):
        assert p.status == item.mark.label
        if item.bar:  # the whole value in words beside a bar
            assert p.bar is not None and p.fraction == item.bar.fraction
            assert p.value.replace("\u00a0", " ") == item.bar.label.replace("\u00a0", " ")
        else:
            assert p.bar is None
    assert "löften till" not in text_of(pages) and "…" not in "".join(p.value for p in shown)


@pytest.mark.parametrize("period, paper", ALL)
def test_each_promise_claims_a_region_inside_the_page_holding_its_status_word_and_bar(period, paper):
    for canvas in drawn(period, paper):
        x0, y0, x1, y1 = Sheet(PAPERS[paper], False).printable
        boxes = [p.box for p in canvas.promises]
        for a, b in zip(boxes, boxes[1:]):
            assert a[3] <= b[1]  # one below the other, never overlapping
        for p in canvas.promises:
            assert x0 <= p.box[0] and y0 <= p.box[1] and p.box[2] <= x1 and p.box[3] <= y1
            status = [t for t in canvas.texts if t.text == p.status and inside(t.box, p.box)]
            assert len(status) == 1, p
            if p.bar:
                assert inside(p.bar, p.box)


@pytest.mark.parametrize("period, paper", ALL)
def test_each_bar_is_filled_as_far_as_its_fraction_and_outlined(period, paper):
    """The pixels of the bar: accent up to the fraction, the empty track after it, an ink frame."""
    for canvas in drawn(period, paper):
        for p in canvas.promises:
            if not p.bar:
                continue
            x0, y0, x1, y1 = p.bar
            row = [canvas.image.getpixel((x, (y0 + y1) // 2)) for x in range(x0, x1)]
            border = max(2, round((y1 - y0) / 14))  # the frame: 0.5 mm of a 7 mm bar
            filled = sum(1 for v in row if v == palette.ACCENT)
            assert abs(filled - round((x1 - x0) * p.fraction)) <= 2 * border + 2, (p.title, filled)
            if p.fraction < 0.95:
                assert palette.TRACK in row
            assert canvas.image.getpixel((x0, (y0 + y1) // 2)) == palette.grey(palette.INK)


@pytest.mark.parametrize("period, paper", ALL)
def test_every_text_box_has_ink_in_it_and_nothing_outside_is_claimed(period, paper):
    for canvas in drawn(period, paper):
        for t in canvas.texts:
            if not t.text.strip():
                continue
            low, high = canvas.image.crop(t.box).getextrema()
            assert low <= t.ink + 40 if t.ink < t.ground else high >= t.ink - 40, t


def test_eight_promises_fit_one_a3_sheet_and_two_a4_pages():
    """A3 uses its larger area: its type is relatively smaller, so it holds what A4 needs two pages for."""
    assert len(drawn("aby/2023-2024", "a3")) == 1
    assert len(drawn("aby/2023-2024", "a4")) == 2
    assert len(drawn("bergby/2025-2026", "a3")) <= len(drawn("bergby/2025-2026", "a4"))


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_six_promises_with_count_targets_show_each_count_with_its_bar(paper):
    values = {p.title: p.value.replace("\u00a0", " ") for c in drawn("aby/2025-2026", paper) for p in c.promises}
    assert values["Exempel: minst fem trygghetsvandringar med boende i Norrfjärden"] == (
        "3 av 5 tillfällen – efter tidsplanen")
    assert values["Exempel: en utbildning för nattvandrare"] == "0 av 1 utbildning"  # no "1 utbildningar"
    assert values["Exempel: fler ska känna sig trygga i centrum på kvällen"] == (
        "Nu 60 procent, mål 65 procent (utgångsläge 58)")


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_an_ended_periods_measurement_is_the_last_reported_never_now(paper):
    """"Nu 118 brott" on a poster of a period that ended in 2024 told a passer-by it was today's figure."""
    values = {p.title: p.value.replace("\u00a0", " ") for c in drawn("aby/2023-2024", paper) for p in c.promises}
    assert values["Exempel: färre anmälda skadegörelsebrott i centrum"] == (
        "Senast 118 brott, mål 110 brott (utgångsläge 140)")
    assert not any(v.startswith("Nu ") for v in values.values() if v)


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_a_partys_own_status_is_never_cut(paper):
    lines = lines_of(drawn("aby/2025-2026", paper))
    joined = " ".join(lines)
    item = next(i for i in poster_data("aby/2025-2026").items if i.parties)
    assert item.parties in joined or item.parties_short in joined
    assert "försenat" in joined


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_a_second_page_stands_on_its_own(paper):
    d = dataclasses.replace(poster_data("aby/2023-2024"), items=poster_data("aby/2023-2024").items * 2)
    pages = poster.draw(d, Sheet(PAPERS[paper], False))
    assert len(pages) >= 2
    assert [p.title for c in pages for p in c.promises] == [i.title for i in d.items]
    for n, canvas in enumerate(pages, start=1):
        text = text_of([canvas])
        assert "EXEMPEL – påhittade uppgifter" in text and "Avslutad 31 dec" in text
        assert f"Sida {n} av {len(pages)}" in text and "Medborgarlöften för Åby" in text
        assert ("Löftena fortsätter på sida" in text) == (n < len(pages))
        assert [r.text for r in zxingcpp.read_barcodes(canvas.image.reduce(3))] == [d.url]


# Dates, the end of a period, contacts.

def test_the_main_date_is_the_last_report_and_the_made_date_is_small():
    pages = drawn("aby/2025-2026", "a3")
    reported = [t for t in pages[0].texts if t.text.startswith("Senast rapporterat 20 okt")]
    made = [t for t in pages[0].texts if t.text == "Affischen skapades 5 december 2026"]
    assert reported and made and made[0].ink == palette.MUTED and made[0].box[1] > reported[0].box[1]
    assert "Läget" not in text_of(pages)


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_an_ended_period_says_so_with_its_final_result_and_never_a_running_status(paper):
    pages = drawn("aby/2023-2024", paper)
    text, lines = text_of(pages), lines_of(pages)
    assert "Avslutad 31 dec" in text and "Slutbedömning:" in text
    assert {"Hållet: 3", "Delvis hållet: 1", "Inte hållet: 1", "Kan inte bedömas: 1",
            "Ingen slutbedömning: 2"} <= set(lines)
    running = {s.text("sv") for s in statuses.PROGRESS}  # "Pågår", "Inte rapporterat" …: the vocabulary's words
    assert {"Pågår", "Inte rapporterat"} <= running
    assert not running & set(lines) and "ännu" not in text
    band = next(t for t in pages[0].texts if t.text.startswith("Avslutad"))
    assert (band.ink, band.ground) == (palette.INK, palette.BAND)


def test_an_ended_period_without_follow_up_says_none_was_published():
    text = text_of(drawn("bro/2022", "a4"))
    assert "Ingen uppföljning publicerad" in text and "Avslutad 31 december 2022" in text
    assert "Pågår" not in lines_of(drawn("bro/2022", "a4"))


def test_contacts_come_from_content_and_114_14_is_only_the_polices():
    lines = lines_of(drawn("aby/2025-2026", "a4"))
    joined = " ".join(lines)
    assert "Kommunen: Kommunens trygghetssamordnare (påhittad), 0123-45 67 89, trygghet@aby.example.org" in joined
    assert "Polisen: 114 14, polisen.se. Vid pågående brott eller när liv är i fara: ring 112." in joined
    police = joined.index("Polisen: 114 14")
    assert joined.count("114 14") == 1 and joined.index("114 14") > police


# Legibility and print.

@pytest.mark.parametrize("period, paper", ALL + [(p, s + "!") for p, s in BLEED])
def test_every_text_box_lies_inside_the_printable_area(period, paper):
    bleed = paper.endswith("!")
    sheet = Sheet(PAPERS[paper.rstrip("!")], bleed)
    x0, y0, x1, y1 = sheet.printable
    assert x0 - sheet.bleed_px >= px(10) and y0 - sheet.bleed_px >= px(10)
    for canvas in drawn(period, paper.rstrip("!"), bleed):
        assert canvas.image.size == sheet.size
        for t in canvas.texts:
            assert x0 <= t.box[0] and y0 <= t.box[1] and t.box[2] <= x1 and t.box[3] <= y1, t


@pytest.mark.parametrize("period, paper", ALL)
def test_no_text_is_smaller_than_the_body_size_and_all_has_contrast(period, paper):
    for canvas in drawn(period, paper):
        assert all(t.size >= typeset.min_size(Sheet(PAPERS[paper], False)) for t in canvas.texts)
        assert all(palette.contrast(t.ink, t.ground) >= 4.5 for t in canvas.texts)


@pytest.mark.parametrize("paper, metres", [("a3", 2), ("a4", 1.5)])
def test_body_capitals_are_3_mm_per_metre_of_reading_distance(paper, metres):
    assert fonts.cap_height("regular", typeset.min_size(Sheet(PAPERS[paper], False))) >= px(3 * metres)


@pytest.mark.parametrize("period, paper", ALL)
def test_text_boxes_do_not_overlap(period, paper):
    for canvas in drawn(period, paper):
        boxes = [t.box for t in canvas.texts]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


@pytest.mark.parametrize("period, paper", ALL + [(p, s + "!") for p, s in BLEED])
def test_nothing_is_drawn_in_the_quiet_zone_of_the_qr_code(period, paper):
    for canvas in drawn(period, paper.rstrip("!"), paper.endswith("!")):
        x0, y0, x1, y1 = canvas.code
        d = poster_data(period)
        quiet = 4 * (x1 - x0) // (len(segno.make(d.url, error="q", boost_error=False).matrix) + 8)
        assert x0 >= 0 and y0 >= 0
        for band in ((x0, y0, x1, y0 + quiet), (x0, y1 - quiet, x1, y1), (x0, y0, x0 + quiet, y1),
                     (x1 - quiet, y0, x1, y1)):
            assert canvas.image.crop(band).getextrema() == (palette.WHITE, palette.WHITE), band
        for t in canvas.texts:
            assert t.box[2] <= x0 or x1 <= t.box[0] or t.box[3] <= y0 or y1 <= t.box[1], t


@pytest.mark.parametrize("period, paper", ALL)
def test_the_qr_code_decodes_to_the_absolute_period_url_at_print_size(period, paper):
    canvas = drawn(period, paper)[0]
    factor = 3
    results = zxingcpp.read_barcodes(canvas.image.reduce(factor))
    assert [r.text for r in results] == [poster_data(period).url]
    assert results[0].ec_level == "Q"
    p = results[0].position
    assert (p.top_right.x - p.top_left.x) * factor >= px(40 * PAPERS[paper].scale) - 2 * factor


def test_example_data_is_labelled_on_every_page_and_only_then():
    assert "EXEMPEL – delvis påhittade uppgifter" in text_of(drawn("ankeby/2026", "a3"))
    assert "EXEMPEL" not in text_of(drawn("bergby/2025-2026", "a3"))
    label = next(t for t in drawn("ankeby/2026", "a4")[0].texts if t.text.startswith("EXEMPEL"))
    assert (label.ink, label.ground) == (palette.WHITE, palette.LABEL_GROUND)


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
    canvas = poster.draw(d, sheet)[0]
    x0, y0, x1, y1 = sheet.printable
    label = next(t for t in canvas.texts if t.text.startswith("EXEMPEL"))
    logo = canvas.image.crop((x1 - px(20), label.box[3] + px(20), x1, label.box[3] + px(30)))
    assert logo.getextrema()[1] < palette.WHITE  # the red logo, in grey
    assert logo.getextrema()[0] >= palette.MIN_GREY
    parties = [t for t in canvas.texts if "Ankeby kommun" in t.text and t.box[1] < label.box[3] + px(40)]
    assert parties and all(t.box[2] < x1 - px(60) for t in parties)


def test_a_period_without_promises_still_makes_a_one_page_poster():
    empty = dataclasses.replace(posters()["bergby/2025-2026"], items=(), counts=())
    pages = poster.draw(empty, Sheet(A4, False))
    assert len(pages) == 1 and "Medborgarlöften i Bergby" in text_of(pages)


# Room to spare: what each promise promises.

def with_summaries(period: str, n: int, summary: str) -> data.PosterData:
    d = posters()[period]
    return dataclasses.replace(d, items=tuple(dataclasses.replace(i, summary=summary) for i in d.items[:n]))


SUMMARY = ("Polisen och kommunen går trygghetsvandringar med boende varje månad och "
           "rättar till det som gör att människor känner sig otrygga.")


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_a_poster_with_room_says_what_each_promise_promises(paper):
    d = with_summaries("cederby/2024", 1, SUMMARY)
    assert SUMMARY in text_of(poster.draw(d, Sheet(PAPERS[paper], False)))  # whole, in the poster's own lines
    plan, split = poster.paginate(d, Sheet(PAPERS[paper], False))
    assert split == [(0, 1)] and plan.detail.summary_lines and plan.detail.latest


def test_a_summary_that_would_be_cut_short_is_left_out():
    long = " ".join([SUMMARY] * 6)
    text = text_of(poster.draw(with_summaries("cederby/2024", 1, long), Sheet(A3, False)))
    assert text == text_of(poster.draw(with_summaries("cederby/2024", 1, ""), Sheet(A3, False)))


def test_titles_are_shortened_before_another_sheet_and_statuses_never():
    plan, split = poster.paginate(poster_data("aby/2023-2024"), Sheet(A3, False))
    assert len(split) == 1 and plan.detail.title_lines == 1
    cut = [t.text for t in drawn("aby/2023-2024", "a3")[0].texts if t.text.endswith("…")]
    # only promise titles and, on the leanest header, the line of parties end in "…"
    assert sum(1 for t in cut if t.startswith("Exempel:")) >= 3
    assert all(t.startswith(("Exempel:", "Åby-Norrfjärdens och Övre Lillträskdalens kommun")) for t in cut)


def inside(inner, outer) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]
