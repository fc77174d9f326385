"""Colours: WCAG contrast, and greys kept clear of the spot-colour indices."""
import pytest

from lofte.outputs.posters import palette


def test_contrast_matches_the_wcag_definition():
    assert palette.contrast(palette.WHITE, 0) == pytest.approx(21.0)
    assert palette.contrast(palette.WHITE, palette.WHITE) == pytest.approx(1.0)
    assert palette.contrast(palette.WHITE, 119) == pytest.approx(4.48, abs=0.02)


def test_every_text_colour_pair_reaches_4_5_to_1():
    pairs = [(palette.INK, palette.WHITE), (palette.MUTED, palette.WHITE), (palette.WHITE, palette.LABEL_GROUND)]
    assert all(palette.contrast(a, b) >= 4.5 for a, b in pairs)


def test_bars_stand_out_from_their_track():
    assert palette.contrast(palette.ACCENT, palette.TRACK) >= 3.0  # WCAG 1.4.11, non-text


def test_greys_that_would_read_as_spot_colours_are_refused():
    assert palette.grey(palette.MIN_GREY) == palette.MIN_GREY
    with pytest.raises(ValueError):
        palette.grey(palette.ACCENT)


def test_the_palette_is_grey_except_the_spot_colours():
    assert palette.rgb(200) == (200, 200, 200)
    assert palette.rgb(palette.ACCENT) == palette.SPOT_COLOURS[palette.ACCENT]
    assert len(palette.palette()) == 768
