"""Share images (1200×630): inside the margins, legible, labelled when example."""
import datetime as dt
import functools
from pathlib import Path

import pytest

from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.outputs.posters import data, palette, share

CONTENT = Path(__file__).parent / "fixtures" / "posters" / "content"


@functools.cache
def shares() -> dict[str, data.ShareData]:
    errors = ErrorList()
    site = assemble(load(CONTENT, "content", errors), errors, dt.date(2026, 11, 22))
    errors.raise_if_any()
    facts = derive(site)
    out = {}
    for m in site.municipalities:
        for p in m.periods:
            out[p.path] = data.share_period(site, m, p, facts)
            out.update({pr.path: data.share_promise(site, m, p, pr, facts) for pr in p.promises})
    return out


@functools.cache
def drawn(path: str):
    return share.draw(shares()[path])


PATHS = ["ankeby/2026/lofte.yaml", "ankeby/2026/trygg-centrum/index.md", "ankeby/2026/ungdomar/index.md",
         "bergby/2025-2026/lofte.yaml", "cederby/2024/samverkan/index.md"]


def text_of(canvas) -> str:
    return " ".join(t.text for t in canvas.texts).replace("\u00a0", " ")


@pytest.mark.parametrize("path", PATHS)
def test_text_is_inside_the_margins_legible_and_in_contrast(path):
    canvas = drawn(path)
    assert canvas.image.size == (1200, 630)
    x0, y0, x1, y1 = share.printable()
    for t in canvas.texts:
        assert x0 <= t.box[0] and y0 <= t.box[1] and t.box[2] <= x1 and t.box[3] <= y1, t
        assert t.size >= share.MIN_PX
        assert palette.contrast(t.ink, t.ground) >= 4.5


def test_a_promise_image_has_title_status_word_bar_value_and_date():
    text = text_of(drawn("ankeby/2026/trygg-centrum/index.md"))
    for words in ("Medborgarlöften · Ankeby", "Vi ska göra centrum tryggare", "Pågår",
                  "3 av 5 trygghetsvandringar – efter tidsplanen", "Senast rapporterat 30 september 2026"):
        assert words in text
    assert "Avslutad" not in text


def test_a_period_image_has_a_tally_per_status():
    text = text_of(drawn("bergby/2025-2026/lofte.yaml"))
    assert "Pågår: 3" in text and "Genomfört: 2" in text


def test_a_very_long_title_is_shortened_not_spilled():
    canvas = drawn("cederby/2024/samverkan/index.md")
    assert any(t.text.endswith("…") for t in canvas.texts)


def test_example_data_is_labelled():
    assert "EXEMPEL – delvis påhittade uppgifter" in text_of(drawn("ankeby/2026/ungdomar/index.md"))
    assert "EXEMPEL" not in text_of(drawn("ankeby/2026/trygg-centrum/index.md"))


def test_an_ended_period_image_says_so_with_its_final_result_like_the_poster():
    canvas = drawn("cederby/2024/samverkan/index.md")
    text = text_of(canvas)
    assert "Avslutad 31 december 2024" in text and "Delvis hållet" in text and "Pågår" not in text
    band = next(t for t in canvas.texts if t.text.startswith("Avslutad"))
    assert (band.ink, band.ground) == (palette.INK, palette.BAND)
    period = text_of(drawn("cederby/2024/lofte.yaml"))
    assert "Avslutad 31 december 2024" in period and "Delvis hållet: 1" in period


def test_the_bar_on_a_share_image_is_filled_as_far_as_its_fraction():
    data_ = shares()["ankeby/2026/trygg-centrum/index.md"]
    image = drawn("ankeby/2026/trygg-centrum/index.md").image
    row = [image.getpixel((x, y)) for y in range(630) for x in range(share.MARGIN[0], share.MARGIN[0] + 260)
           if image.getpixel((share.MARGIN[0] + 130, y)) in (palette.ACCENT, palette.TRACK)][:260]
    assert abs(sum(1 for v in row if v == palette.ACCENT) - 260 * data_.bar.fraction) <= 8
