import pytest

from lofte.content.yamlsource import YamlProblem, parse_yaml, split_front_matter


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


def test_aliases_share_one_value_so_nested_aliases_cannot_blow_up():
    doc = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    data = parse_yaml(doc)  # 9**10 strings if each alias were copied
    assert data["j"][0] is data["i"] and data.lines["j"] == 10


@pytest.mark.parametrize("text", ["a: &x [*x]\n", "a: &x {b: *x}\n"])
def test_an_alias_inside_itself_is_a_problem_not_a_crash(text):
    with pytest.raises(YamlProblem) as exc:
        parse_yaml(text)
    assert (exc.value.line, exc.value.message) == (1, "ogiltig YAML: ett alias pekar på sig självt")
