import pytest

from lofte.yamlsource import YamlProblem, parse_yaml, split_front_matter


def test_values_keep_their_lines_and_dates_stay_text():
    data = parse_yaml("a: 1\nb: 2024-02-30\nc: no\nd:\n  - x\n  - {y: 1.5}\n")
    assert data == {"a": 1, "b": "2024-02-30", "c": "no", "d": ["x", {"y": 1.5}]}
    assert data.lines == {"a": 1, "b": 2, "c": 3, "d": 4}
    assert data["d"].lines == [5, 6]


def test_front_matter_lines_are_file_lines():
    yaml_text, body, body_line = split_front_matter("---\ntitle: x\nstatus: y\n---\nText\n")
    data = parse_yaml(yaml_text, first_line=2)
    assert data.lines == {"title": 2, "status": 3}
    assert body == "Text\n" and body_line == 5


@pytest.mark.parametrize("text, line, message", [
    ("a: 1\na: 2\n", 2, "nyckeln 'a' står två gånger (första gången på rad 1)"),
    ("a:\n\t- b\n", 2, "ogiltig YAML: found character that cannot start any token (raden har en tabb: dra in med mellanslag)"),
    ('a: "open\nb: 2\n', 3, "ogiltig YAML: found unexpected end of stream"),
])
def test_problems_name_the_line(text, line, message):
    with pytest.raises(YamlProblem) as exc:
        parse_yaml(text)
    assert (exc.value.line, exc.value.message) == (line, message)


def test_front_matter_must_open_and_close():
    with pytest.raises(YamlProblem, match="måste börja med en rad '---'"):
        split_front_matter("title: x\n")
    with pytest.raises(YamlProblem, match="avslutas inte"):
        split_front_matter("---\ntitle: x\n")
