"""Fields (content/fields.py): typed getters over one YAML mapping that collect errors with
file, line and field in plain Swedish, instead of raising."""
import datetime as dt

from lofte.content.errors import ErrorList
from lofte.content.fields import Fields, item_name, parse_date, suggest
from lofte.content.yamlsource import parse_yaml

PATH = "content/storby/2025/lofte.yaml"


def fields(text: str) -> tuple[Fields, ErrorList]:
    errors = ErrorList()
    return Fields(parse_yaml(text), PATH, errors), errors


def messages(errors: ErrorList) -> list[str]:
    return [str(e) for e in errors.items]


def test_values_of_the_right_type_pass_without_errors():
    f, errors = fields("title: Trygg park\nn: 3\nx: 1.5\nflag: true\nd: 2025-03-01\nwords: [a, b]\n")
    assert (f.str("title", True), f.int("n"), f.number("x"), f.bool("flag"), f.date("d"), f.str_list("words")) == (
        "Trygg park", 3, 1.5, True, dt.date(2025, 3, 1), ("a", "b"))
    f.finish()
    assert messages(errors) == []


def test_each_problem_names_file_line_and_field_and_all_are_collected():
    f, errors = fields("title: Trygg park\nn: tre\nd: 2025-02-30\nstatus: pågåt\ntitel: x\n")
    f.str("title", True)
    f.int("n")
    f.date("d")
    f.choice("status", ["pågår", "försenat", "genomfört"])
    f.str("summary", required=True)
    f.finish()
    got = messages(errors)
    assert len(got) == 5
    assert got[1] == f"{PATH}:3: d: '2025-02-30' är inget riktigt datum"
    assert got[3] == f"{PATH}:1: summary: saknas: fältet är obligatoriskt"
    assert got[0].startswith(f"{PATH}:2: n: ") and "heltal" in got[0]
    assert got[2].startswith(f"{PATH}:4: status: ") and "menade du 'pågår'?" in got[2]
    assert got[4].startswith(f"{PATH}:5: titel: okänt fält")


def test_an_empty_required_text_and_a_comment_taken_for_a_value():
    f, errors = fields('title: ""\nsummary: #1 i länet\n')
    f.str("title", True)
    f.str("summary", True)
    assert messages(errors) == [
        f"{PATH}:1: title: är tomt: fältet är obligatoriskt",
        f"{PATH}:2: summary: är tomt: texten efter # läses som en kommentar; sätt texten inom citattecken, "
        't.ex. summary: "#1 …"']


def test_lists_are_named_in_plain_words():
    assert item_name("actors", 1) == "actors (andra aktören)"
    assert item_name("signatories", 0) == "signatories (första undertecknaren)"
    assert item_name("actors", 11) == "actors (aktör nummer 12)"
    assert item_name("okänd_lista", 2) == "okänd_lista (tredje punkten)"


def test_suggestions_and_dates():
    assert suggest("pågåt", ["pågår", "försenat"]) == "; menade du 'pågår'?"
    assert suggest("x" * 200, ["pågår"]) == "" and suggest(["en", "lista"], ["pågår"]) == ""
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)
    assert parse_date("2025-02-29") is None and parse_date("29/2 2024") is None


# -- ranges.py: what numbers and dates content may hold -----------------------------------------

def test_dates_outside_this_and_last_century_are_typos():
    from lofte.content.ranges import date_problem
    assert date_problem(dt.date(2099, 12, 31)) is None and date_problem(dt.date(1900, 1, 1)) is None
    assert date_problem(dt.date(9999, 12, 31)) == "9999-12-31 ligger utanför åren 1900–2099; kontrollera årtalet"
    assert date_problem(dt.date(1899, 12, 31)) is not None


def test_numbers_print_the_swedish_way_and_out_of_range_ones_say_why():
    from lofte.content import ranges
    assert ranges.swedish_number(1_000_000_000) == "1\u00a0000\u00a0000\u00a0000"
    assert ranges.swedish_number(1234.5) == "1\u00a0234,5"
    assert ranges.number_problem(float("nan"), 0, None) == "är inget tal man kan räkna med; skriv en siffra"
    assert ranges.number_problem(float("-inf"), None, None) == "är inget tal man kan räkna med; skriv en siffra"
    assert ranges.number_problem(1e300, None, ranges.MAX_NUMBER) == "är för stort (1e+300); högst 1\u00a0000\u00a0000\u00a0000"
    assert ranges.number_problem(-3.0, 0, None) == "kan inte vara negativt (-3)"
    assert ranges.number_problem(0.5, 1, None) == "måste vara minst 1, fick 0.5"
    assert ranges.number_problem(10, 0, 10) is None
