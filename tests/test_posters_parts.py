"""The parts of a poster page, measured on A4 from the poster fixture: header, promise list, footer.

Only measured, never drawn: what each part says and which text it may shorten.
"""
import datetime as dt
import functools
from pathlib import Path

from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.outputs.posters import data, palette
from lofte.outputs.posters.footer import footer
from lofte.outputs.posters.header import CONTINUED, FULL, LEANER, HeaderWriter
from lofte.outputs.posters.paper import A4, Sheet
from lofte.outputs.posters.promises import BAR_MM, Detail, ListWriter
from lofte.outputs.posters.typeset import Page

CONTENT = Path(__file__).parent / "fixtures" / "posters" / "content"
BUILD_DATE = dt.date(2026, 11, 22)


@functools.cache
def poster(slug: str) -> data.PosterData:
    errors = ErrorList()
    site = assemble(load(CONTENT, "content", errors), errors, BUILD_DATE)
    errors.raise_if_any()
    m = next(m for m in site.municipalities if m.slug == slug)
    return data.poster(site, m, m.periods[0], derive(site), CONTENT)


def a4() -> Page:
    return Page(Sheet(A4, False))


def said(block) -> str:
    return " ".join(" ".join(block.lines).split())


# -- footer ------------------------------------------------------------------

def test_footer_gives_every_contact_whole_and_the_page_number_last():
    d = poster("ankeby")
    f = footer(a4(), d, 2, 3)
    texts = [said(part.block) for part in f.parts]
    assert texts[:2] == ["Följ arbetet och se hur det går:", "lofte.example.se/trygghet/ankeby/2026/"]
    assert texts[2:-1] == [" ".join(c.split()) for c in d.contacts]  # never cut, however long
    assert not any(part.block.truncated for part in f.parts)
    assert texts[-1] == "Sida 2 av 3 · Affischen skapades 22 november 2026"
    assert f.parts[-1].ink == palette.MUTED and f.parts[0].ink == palette.INK
    # text below the QR code starts below it (beside it, it starts at its top)
    assert all(part.top >= f.code.symbol for part in f.parts if not part.beside)
    assert said(footer(a4(), d, 1, 1).parts[-1].block) == "Affischen skapades 22 november 2026"


# -- header ------------------------------------------------------------------

def test_a_running_periods_header_has_its_tally_only_in_the_full_form():
    d = poster("ankeby")
    w = HeaderWriter(a4(), d)
    full, cont = w.measure(FULL), w.measure(CONTINUED)
    assert full.band is None and full.inline
    assert said(full.reported) == "Senast rapporterat 1 okt. 2026"
    assert [m.label for m, _b in full.chips] == [m.label for m in d.counts] == ["Pågår: 1", "Försenat: 1", "Genomfört: 1"]
    # a later page: no parties, no tally, but the title and the date again
    assert cont.parties is None and cont.chips == () and said(cont.title) == "Medborgarlöfte Ankeby 2026"
    assert cont.height < full.height


def test_an_ended_periods_band_and_result_are_in_every_form():
    d = poster("cederby")
    w = HeaderWriter(a4(), d)
    full, leaner = w.measure(FULL), w.measure(LEANER)
    assert said(full.band) == "Avslutad 31 december 2024"
    assert said(full.result) == "Slutbedömning:"
    assert [m.label for m, _b in full.chips] == ["Delvis hållet: 1", "Kan inte bedömas: 1"]
    # the leanest form has no line of dates: its band says the end and the last report instead
    assert said(leaner.band) == "Avslutad 31 dec. 2024 · Senast rapporterat 20 nov. 2024"
    assert leaner.dates.lines == () and leaner.reported.lines == ()
    assert said(leaner.result) == "Slutbedömning:" and len(leaner.chips) == 2


# -- the promise list --------------------------------------------------------

def test_bars_share_one_column_within_the_allowed_widths():
    d = poster("ankeby")
    p = a4()
    lw = ListWriter(p)
    col = lw.column(d.items, 1.0)
    assert p.mm(BAR_MM[1]) <= col.width <= p.mm(BAR_MM[0])
    assert col.x > lw.x and col.x + col.width < p.x1
    placed = lw.place(d.items, Detail(3, True, True), col)
    assert lw.height(placed) == sum(x.height for x in placed) + sum(x.between for x in placed[1:])


def test_a_lean_plan_shortens_titles_but_never_the_status():
    d = poster("cederby")
    lw = ListWriter(a4())
    lean = Detail(1, False, False, long_names=False)
    placed = lw.place(d.items, lean, lw.column(d.items, 1.0))
    long_title = placed[0]
    assert long_title.title.truncated and long_title.title.lines[0].endswith("…")
    assert [said(x.status) for x in placed] == ["Delvis hållet", "Kan inte bedömas"]
    assert not any(x.status.truncated for x in placed)
    assert all(x.actors is None and x.latest is None for x in placed)  # left out at this detail
    roomy = lw.place(d.items, Detail(3, True, True), lw.column(d.items, 1.0))
    assert said(roomy[1].latest) == "Senast rapporterat: Försenat"


def test_a_dense_plan_names_the_municipality_short_in_each_partys_status():
    d = poster("ankeby")
    lw = ListWriter(a4())
    col = lw.column(d.items, 1.0)
    item = next(i for i, it in enumerate(d.items) if it.title == "Lägre hastigheter vid skolorna")
    long = lw.place(d.items, Detail(2, True, True), col)[item]
    short = lw.place(d.items, Detail(2, True, True, long_names=False), col)[item]
    assert said(long.parties) == "Polisen: genomfört · Ankeby kommun: försenat · Ankeby Bostäder AB: ej påbörjat"
    assert said(short.parties) == "Polisen: genomfört · Kommunen: försenat · Ankeby Bostäder AB: ej påbörjat"
    assert not short.parties.truncated
