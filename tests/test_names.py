"""File and folder names (content/names.py): what is allowed, why a name is not, and a name that works."""
import pytest

from lofte.content import names
from lofte.content.names import asset_problem, folder_problem, slugify, title_slug, update_problem


def test_slugify_and_title_slug_make_readable_ascii_names():
    assert slugify("Trygg i Åby") == "trygg-i-aby"
    assert slugify("Café Über – Straße!") == "cafe-uber-strasse"
    # a long title: the part before the dash, not a cut in the middle of a word
    assert title_slug("Ökad polisiär närvaro – ökad trygghet för alla som bor i centrum") == "okad-polisiar-narvaro"
    cut = title_slug("Fler trygghetsvandringar på olika platser i kommunens alla stadsdelar varje månad")
    assert cut == "fler-trygghetsvandringar-pa-olika" and len(cut) <= names.READABLE_SLUG
    assert not cut.endswith(("-i", "-pa", "-och"))


@pytest.mark.parametrize("name, expected", [
    ("storby", None),
    ("Storby", "stora bokstäver går inte i namnet; skriv storby"),
    ("stor by", "mellanslag går inte i mappnamn; skriv stor-by"),
    ("åby", "å, ä och ö går inte i mappnamn; skriv aby"),
    ("a\u202eb", "namnet innehåller ett osynligt tecken (U+202E); skriv ab"),
    ("park\n", "namnet innehåller en radbrytning; skriv park"),
    ("con", "namnet 'con' kan inte användas i Windows (det är reserverat där); skriv t.ex. con-1"),
    ("a--b", "bindestreck får inte stå först, sist eller två i rad; skriv a-b"),
])
def test_folder_problem_says_why_and_what_to_write(name, expected):
    assert folder_problem(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("2024-03-15-vandring.md", None),
    ("2024-03-15-vandring.txt", "filen ska sluta på .md; skriv 2024-03-15-vandring.md"),
    ("vandring.md", "namnet ska vara ÅÅÅÅ-MM-DD-kortnamn.md, t.ex. 2024-03-15-trygghetsvandring.md"),
    ("2024-03-15-Vandring i park.md", "mellanslag går inte i filnamn; skriv 2024-03-15-vandring-i-park.md"),
    ("Bild_1.JPG", None),
    ("bild å.jpg", "å, ä och ö går inte i filnamn; skriv bild-a.jpg"),
    ("Nul.png", "namnet 'Nul' kan inte användas i Windows (det är reserverat där); skriv t.ex. Nul-1.png"),
    ("bild?.png", "tecknet '?' går inte i filnamn; skriv bild.png"),
])
def test_update_and_asset_names(name, expected):
    check = update_problem if name.endswith((".md", ".txt")) else asset_problem
    assert check(name) == expected


def test_names_that_are_one_file_on_macos_and_windows_have_one_key():
    assert names.key("Å.JPG") == names.key("a\u030a.jpg")
    assert names.key("bild.jpg") != names.key("bild.jpeg")


def test_an_asset_name_with_two_dots_is_not_blamed_on_hyphens():
    message = asset_problem("karta..png")
    assert message == "punkter får inte stå först, sist eller två i rad; skriv karta.png"
    assert asset_problem(".karta.png") == "punkter får inte stå först, sist eller två i rad; skriv karta.png"
    assert asset_problem("-karta.png") == "namnet får inte börja med bindestreck; skriv karta.png"
    assert asset_problem("karta--1-.png") is None  # hyphens may repeat and end a part in a file name
