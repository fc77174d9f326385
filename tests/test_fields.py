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
