"""Text layout: lines fit their width, break only where allowed, shorten with "…"."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lofte.outputs.posters import fonts, layout

SIZE = 60


def width_of(text, weight="regular", size=SIZE):
    return fonts.font(weight, size).getlength(text)


def test_wrap_keeps_every_line_within_the_width():
    text = "Fördjupa samverkan mellan Polisen, Köpings kommun samt andra lämpliga aktörer gällande brott"
    lines = layout.wrap(text, "regular", SIZE, 600)
    assert len(lines) > 1
    assert all(width_of(line) <= 600 for line in lines)
    assert " ".join(lines) == text


def test_breaks_after_slash_and_between_hyphenated_words_but_never_inside_numbers():
    assert list(layout._pieces("medborgarloften.se/koping/2024/")) == [
        (" ", "medborgarloften.se/"), ("", "koping/"), ("", "2024/")]
    assert list(layout._pieces("Cederby-Långträsk")) == [(" ", "Cederby-"), ("", "Långträsk")]
    assert list(layout._pieces("ring 0123-456, 2025–2026")) == [(" ", "ring"), (" ", "0123-456,"), (" ", "2025–2026")]


def test_digit_groups_stay_on_one_line():
    assert list(layout._pieces("ring 114 14 eller 0123-456 78")) == [
        (" ", "ring"), (" ", "114\u00a014"), (" ", "eller"), (" ", "0123-456\u00a078")]


def test_a_lone_dash_stays_with_the_word_before_it():
    lines = layout.wrap("aaaa bbbb cccc – dddd", "regular", SIZE, width_of("aaaa bbbb cccc –") + 1)
    assert lines[0].endswith("–")
    assert not any(line.startswith("–") for line in lines)


def test_a_word_wider_than_the_column_is_broken_between_letters_without_hyphen():
    word = "Samverkansöverenskommelseuppföljningsarbetsgruppsmöte"
    lines = layout.wrap(word, "bold", SIZE, 500)
    assert len(lines) > 1
    assert "".join(lines) == word
    assert all(width_of(line, "bold") <= 500 for line in lines)


def test_fit_takes_the_largest_size_that_fits_the_lines():
    text = "Lägre hastigheter vid skolorna"
    block = layout.fit(text, "bold", width_of(text, "bold", 50) + 1, 1, layout.sizes(80, 40))
    assert block.lines == (text,) and not block.truncated
    assert 50 <= block.size < 80


def test_fit_shortens_with_an_ellipsis_at_the_smallest_size():
    text = " ".join(["trygghetsvandring"] * 40)
    block = layout.fit(text, "regular", 800, 2, layout.sizes(60, 40))
    assert block.truncated and block.size == 40 and len(block.lines) == 2
    assert block.lines[-1].endswith(layout.ELLIPSIS)
    assert all(width_of(line, size=40) <= 800 for line in block.lines)


def test_ellipsize_drops_trailing_punctuation_before_the_ellipsis():
    short = layout.ellipsize("Polisen, kommunen, bostadsbolaget", "regular", SIZE, width_of("Polisen, kommunen,…"))
    assert short == "Polisen, kommunen…"


def test_sizes_run_from_largest_to_smallest():
    sizes = layout.sizes(125, 100)
    assert sizes[0] == 125 and sizes[-1] == 100
    assert list(sizes) == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes)


words = st.text(alphabet="abcåäöÅÄÖ-/–”’1 ", min_size=1, max_size=14)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=25), st.integers(min_value=60, max_value=900))
def test_no_wrapped_line_is_ever_wider_than_its_column(parts, width):
    text = " ".join(parts)
    for line in layout.wrap(text, "regular", 40, width):
        assert width_of(line, size=40) <= width or len(line) == 1


def test_balance_keeps_the_lines_but_evens_them_out():
    text = "Fritidsgården öppen minst en kväll i veckan"
    width = width_of("Fritidsgården öppen minst en kväll i", "bold") + 1
    greedy = layout.wrap(text, "bold", SIZE, width)
    even = layout.balance(text, "bold", SIZE, width)
    assert greedy[-1] == "veckan" and len(even) == len(greedy) == 2
    assert " ".join(even) == text
    assert max(width_of(line, "bold") for line in even) <= width
    assert min(width_of(line, "bold") for line in even) > 2 * width_of("veckan", "bold")


def test_balance_never_breaks_a_word_between_letters():
    lines = layout.balance("Medborgarlöften i Bergby 2025–2026", "bold", 200, width_of("Medborgarlöften", "bold", 200) + 5)
    assert lines[0] == "Medborgarlöften"


def test_a_middle_dot_between_actors_never_starts_a_line():
    text = "Polisen: ingen uppgift · Köpings kommun: pågår"
    for width in range(300, 1500, 37):
        lines = layout.balance(text, "regular", SIZE, width, first_width=width - 200)
        assert not any(line.startswith("·") for line in lines)
