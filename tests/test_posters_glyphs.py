"""What the poster face can print (issue 18.12): no empty boxes, no marks over other lines."""
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ImageFont

from lofte.content.assemble import assemble
from lofte.content.derived import derive
from lofte.content.errors import ErrorList
from lofte.content.load import load
from lofte.outputs.posters import data, fonts, glyphs, layout, palette, poster
from lofte.outputs.posters.canvas import Canvas, first_baseline
from lofte.outputs.posters.paper import A4, Sheet

MARK = "[tecken som inte kan skrivas ut]"
ZALGO = "Z" + "\u0334\u0321\u031b\u0316\u034e\u0349\u0317\u031c\u033c\u033f\u030f\u0306" * 4 + "algo"


def test_the_character_map_agrees_with_what_freetype_draws():
    face = ImageFont.truetype(str(fonts.path("regular")), 60, layout_engine=ImageFont.Layout.BASIC)
    missing = face.getmask("\uffff")
    missing = (missing.size, bytes(missing))
    for cp in list(range(0x21, 0x250)) + list(range(0x2000, 0x2200)) + [0x627, 0x4E2D, 0x1F600]:
        mask = face.getmask(chr(cp))
        assert ((mask.size, bytes(mask)) != missing) == (cp in fonts.coverage()), hex(cp)


@pytest.mark.parametrize("text, ok", [
    ("Åby-Norrfjärden ”citat” – 114 14 · …", True), ("e\u0301", True), ("Łódź, Škoda, Ærø", True),
    ("Trygg sommar ☀️", False), ("مرحبا", False), ("中文", False), (ZALGO, False)])
def test_can_draw_tells_whether_a_text_prints_whole(text, ok):
    assert fonts.can_draw(text) is ok


@pytest.mark.parametrize("text, printed", [
    ("Trygg sommar ☀️ i parken", f"Trygg sommar {MARK} i parken"),
    ("مرحبا بكم här", f"{MARK} här"),  # a run, spaces included, is one marker
    ("中文 och 中文", f"{MARK} och {MARK}"),
    ("👨\u200d👩\u200d👧 familj", f"{MARK} familj"),
    ("e\u0301 café", "é café"),  # NFC
    ("\u0130stanbul", "I\u0307stanbul"),  # İ built from I and the combining dot the face has
    ("ﬁnns", "finns"),  # compatibility decomposition
    ("a\u200bb\u202ec\u00ad", "abc"),  # invisible format characters go
])
def test_clean_prints_what_it_can_and_marks_what_it_cannot(text, printed):
    assert glyphs.clean(text, MARK) == printed


def test_stacked_marks_are_cut_to_two_the_face_has():
    out = glyphs.clean(ZALGO, MARK)
    assert out.startswith("Z") and out.endswith("algo") and len(out) <= len("Z") + glyphs.MAX_MARKS + 4
    assert fonts.can_draw(out)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_whatever_content_holds_the_result_prints_whole(text):
    assert fonts.can_draw(glyphs.clean(text, MARK))


def test_a_line_of_stacked_marks_stays_inside_its_line_box():
    """Drawn without `clean` (the canvas is the last guard): no ink above or below the line box."""
    canvas = Canvas((1400, 600))
    block = layout.fit("ok " + ZALGO + " ok", "regular", 1300, 1, (60,), 1.16)
    top = 250
    canvas.line(20, top + first_baseline(block), block.lines[0], block, palette.INK)
    ascent, descent = block.font.getmetrics()
    baseline = top + first_baseline(block)
    above, below = baseline - max(ascent, first_baseline(block)), baseline + max(descent, block.leading - first_baseline(block))
    assert canvas.image.crop((0, 0, 1400, above)).getextrema() == (palette.WHITE, palette.WHITE)
    assert canvas.image.crop((0, below, 1400, 600)).getextrema() == (palette.WHITE, palette.WHITE)
    assert canvas.texts[0].box[1] >= above and canvas.texts[0].box[3] <= below


def test_a_poster_with_foreign_scripts_prints_the_marker_and_no_empty_box():
    errors = ErrorList()
    content = Path(__file__).parent / "fixtures" / "posters" / "content"
    site = assemble(load(content, "content", errors), errors, dt.date(2026, 11, 22))
    m = site.municipalities[0]
    d = data.poster(site, m, m.periods[0], derive(site), content)
    item = dataclasses.replace(d.items[0], title=glyphs.clean("Trygg sommar ☀️ för alla – 平安 – أمان", MARK))
    pages = poster.draw(dataclasses.replace(d, items=(item, *d.items[1:])), Sheet(A4, False))
    text = " ".join(t.text for c in pages for t in c.texts)
    assert MARK.split()[0] in text
    assert all(fonts.can_draw(t.text) for c in pages for t in c.texts)


@pytest.mark.parametrize("text", ["\u1e2e", "\u0130stanbul", "ﬁnns"])
def test_a_letter_built_from_parts_the_face_has_counts_as_printable(text):
    """Found by the property test above: Ḯ prints as I + two marks, so validation must not warn."""
    assert glyphs.clean(text, MARK) != MARK and fonts.can_draw(glyphs.clean(text, MARK))
    assert fonts.can_draw(text)
