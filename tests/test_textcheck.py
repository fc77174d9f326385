"""One character rule for every text: fields, list items, bodies, translations, spreadsheet cells."""
import unicodedata

import pytest
from conftest import content_errors, edit

from lofte.content import textcheck

PARK = "storby/2025/trygg-park/index.md"
PARK_FILE = "content/storby/2025/trygg-park/index.md"
CONTROL = ("innehåller ett osynligt styrtecken (U+{code}) efter '{after}'; ta bort det (sådana tecken kommer ofta "
           "med när text kopieras från ett annat program eller ett kalkylblad)")
DIRECTION = ("innehåller ett osynligt tecken som ändrar textens riktning (U+{code}) efter '{after}'; ta bort det, "
             "det kan användas för att visa något annat än det som står i filen")



@pytest.mark.parametrize("old, new, expected", [
    # YAML escapes in a one-line field: \x01, \0, \e, a lone surrogate
    ("title: Tryggare park", 'title: "Tryggare\\x01 park"', f"{PARK_FILE}:2: title: " + CONTROL.format(code="0001", after="Tryggare")),
    ("title: Tryggare park", 'title: "Trygg\\0"', f"{PARK_FILE}:2: title: " + CONTROL.format(code="0000", after="Trygg")),
    ("title: Tryggare park", 'title: "Trygg\\e[31m"', f"{PARK_FILE}:2: title: " + CONTROL.format(code="001B", after="Trygg")),
    ("title: Tryggare park", 'title: "Trygg\\ud800"', f"{PARK_FILE}:2: koden efter \\u eller \\U i texten är inget "
     "tecken som går att skriva; ta bort den (skriv tecknet som det är, inom citattecken)"),
    ("title: Tryggare park", 'title: "Trygg\\r\\nBEGIN:VEVENT"', f"{PARK_FILE}:2: title: innehåller en radbrytning (CR) "
     "efter 'Trygg'; ta bort det (sådana tecken kommer ofta med när text kopieras från ett annat program eller ett kalkylblad)"),
    # a list item and a field in a list of mappings
    ("focus_area: Parken", 'focus_area: Parken\nactivities: ["Vandra", "Prata \\u202e med alla"]',
     f"{PARK_FILE}:5: activities (andra aktiviteten): " + DIRECTION.format(code="202E", after="Prata")),
    ("responsible: Kommunpolisen", 'responsible: "Kommun\\u2067polisen"',
     f"{PARK_FILE}:9: actors (första aktören).responsible: " + DIRECTION.format(code="2067", after="Kommun")),
    # the Markdown body, on the line the character is on
    ("Vi går **trygghetsvandringar** i parken.", "Vi går.\n\nI par\u202bken.",
     f"{PARK_FILE}:32: text: " + DIRECTION.format(code="202B", after="Vi går. I par")),
    ("Vi går **trygghetsvandringar** i parken.", "Vi går\x07 i parken.",
     f"{PARK_FILE}:30: text: " + CONTROL.format(code="0007", after="Vi går")),
    # right-to-left marks: only in translations to right-to-left languages
    ("title: Tryggare park", "title: Tryggare \u200fpark",
     f"{PARK_FILE}:2: title: innehåller ett osynligt riktningstecken (U+200F) efter 'Tryggare'; ta bort det (sådana "
     "tecken behövs bara i översättningar till arabiska, persiska, jiddisch och kurdiska)"),
    # Zalgo: more than two combining marks on one letter (counted in NFC)
    ("title: Tryggare park", "title: Tryggare pa\u0301\u0302\u0303\u0304rk",
     f"{PARK_FILE}:2: title: har fler än 2 accenttecken staplade på samma bokstav efter 'Tryggare pa'; ta bort de "
     "extra (de ritas ovanpå raderna runt omkring)"),
    ("title: Tryggare park", "title: Trygga Ö\u0301\u0302stra",
     f"{PARK_FILE}:2: title: har fler än 2 accenttecken staplade på samma bokstav efter 'Trygga O'; ta bort de "
     "extra (de ritas ovanpå raderna runt omkring)"),
])
def test_invisible_and_stacked_characters_are_refused_everywhere(small_content, old, new, expected):
    edit(small_content, PARK, old, new)
    assert expected in content_errors(small_content)


def test_right_to_left_marks_are_fine_in_an_arabic_translation(small_content):
    edit(small_content, PARK, "example: true\n---", "example: true\ntranslations:\n  ar:\n    translated: 2025-05-01\n"
         "    title: \"حديقة أكثر أمانا \u200f2025\"\n---")
    assert content_errors(small_content) == []


def test_text_is_stored_in_nfc(small_content, tmp_path):
    from conftest import options

    from lofte.build.pipeline import read_site
    edit(small_content, PARK, "title: Tryggare park", "title: Tryggare pa\u0308rk")  # ä as a + combining diaeresis
    site = read_site(options(small_content))
    titles = [pr.title for pr in site.municipalities[0].periods[0].promises]
    assert "Tryggare pärk" in titles


def test_vietnamese_arabic_and_decomposed_swedish_pass():
    assert textcheck.problem(unicodedata.normalize("NFD", "Tiếng Việt, Åsa och Öster")) is None
    assert textcheck.problem("مُحَمَّد") is None  # shadda and a vowel on one letter


def test_messages_never_print_invisible_characters():
    assert textcheck.shown("a\x1b[2Jb") == "a<U+001B>[2Jb"
    assert textcheck.shown(list(range(10 ** 6))) == "en lista"
    assert textcheck.shown("x" * 500).endswith("…")


def test_the_fast_path_is_exact():
    """Every character the fast path lets through is one the slow path accepts too."""
    fast = [chr(c) for c in range(0x3000) if not textcheck._SUSPECT.search(chr(c))] + ["\u20ac", "\u2122"]
    assert len(fast) < 1000 and "\u2028" not in fast and "\u202e" not in fast
    for char in fast:
        assert unicodedata.is_normalized("NFC", char), hex(ord(char))  # so the fast path needs no NFC
        if not textcheck.CONTROL_RE.search(char):
            assert textcheck.problem(f"中{char}") is None, hex(ord(char))  # 中 forces the slow path
