"""YAML parsing: lines on every value, and every kind of YAML mistake in plain Swedish with the fix."""
import pytest

from lofte.content.yamlsource import MAX_UNITS, TooBig, YamlProblem, parse_yaml, split_front_matter


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


def test_delimiter_lines_may_end_in_spaces():
    assert split_front_matter("--- \ntitle: x\n---  \nText") == ("title: x\n", "Text", 4)


QUOTE = "sätt texten inom citattecken"
TAB = "raden har en tabb; dra in med mellanslag i stället (YAML tillåter inte tabbar för indrag)"


@pytest.mark.parametrize("text, line, message", [
    # an unquoted colon: PyYAML's "mapping values are not allowed in this context"
    ("title: Trygghet: så gör vi\n", 1,
     "texten innehåller ett kolon följt av mellanslag, som läses som början på ett nytt fält; "
     f'{QUOTE}, t.ex. title: "Trygghet: så gör vi"'),
    ("a: 1\n  b: 2\n", 2, "raden är indragen mer än fältet ovanför; fält på samma nivå ska börja med lika många "
     "mellanslag (och en text som fortsätter på nästa rad ska stå inom citattecken)"),
    ("a:\n\t- b\n", 2, TAB),
    ("a: 1\n\tb: 2\n", 2, TAB),
    ('a: 1\nb: "open\nc: 2\n', 2, "citattecknet som börjar här stängs aldrig; avsluta texten med samma sorts "
     "citattecken (\" eller ') på samma rad eller en senare"),
    ("a: 1\nb: 'open\n", 2, "citattecknet som börjar här stängs aldrig; avsluta texten med samma sorts "
     "citattecken (\" eller ') på samma rad eller en senare"),
    ("a:\n  b: 1\n c: 2\n", 3, "indraget stämmer inte med raderna ovanför; fält på samma nivå ska börja med lika "
     "många mellanslag, och fälten inuti ett annat fält med fler"),
    ("a: 1\n- b\n", 2, "en rad i en lista (- …) står där ett nytt fält väntas; dra in listans rader under sitt "
     "fält med lika många mellanslag"),
    ("a:\n  - x\n - y\n", 3, "en rad i en lista (- …) står där ett nytt fält väntas; dra in listans rader under "
     "sitt fält med lika många mellanslag"),
    ("a: 1\na: 2\n", 2, "fältet 'a' står två gånger (första gången på rad 1); ta bort det ena"),
    ("a: @x\n", 1, f"en text kan inte börja med tecknet '@' i YAML; {QUOTE}, t.ex. a: \"@x\""),
    ("a: `x`\n", 1, f"en text kan inte börja med tecknet '`' i YAML; {QUOTE}, t.ex. a: \"`x`\""),
    ("a: [x, y\nb: 2\n", 1, f"en text som börjar med [ läses som en lista som ska avslutas med ]; {QUOTE} om den "
     "inte är en lista"),
    ("a: {x: 1\nb: 2\n", 1, "en text som börjar med { läses som en samling fält som ska avslutas med }; "
     f"{QUOTE} om den inte är en samling fält"),
    ("a: *x\n", 1, f"en text som börjar med & eller * har en särskild betydelse i YAML; {QUOTE}, t.ex. a: \"*x\""),
    ('a: "c:\\q"\n', 1, "okänd kod efter ett bakstreck (\\) i en text inom dubbla citattecken; skriv två "
     "bakstreck (\\\\), eller använd enkla citattecken ('…')"),
    ('a: "\\uZZZZ"\n', 1, "efter \\u eller \\x i en text inom dubbla citattecken ska en teckenkod stå (t.ex. "
     "\\u00e5 för å); skriv två bakstreck (\\\\) om bakstrecket ska synas, eller använd enkla citattecken ('…')"),
    ('a: 1\nb: "x \\x4"\n', 2, "efter \\u eller \\x i en text inom dubbla citattecken ska en teckenkod stå (t.ex. "
     "\\u00e5 för å); skriv två bakstreck (\\\\) om bakstrecket ska synas, eller använd enkla citattecken ('…')"),
    ("a: 1\n...\nb: 2\n", 2, "en rad med bara tre punkter (...) står mitt bland fälten; ta bort den (i YAML "
     "betyder den att fälten slutar där)"),
    ("a: [\n", 1, f"en text som börjar med [ läses som en lista som ska avslutas med ]; {QUOTE} om den inte är "
     "en lista"),
    ('a: 1\n"b": [x,\n', 2, f"en text som börjar med [ läses som en lista som ska avslutas med ]; {QUOTE} om den "
     "inte är en lista"),
    ("a: 1\nb: {\n", 2, "en text som börjar med { läses som en samling fält som ska avslutas med }; "
     f"{QUOTE} om den inte är en samling fält"),
    ("a: [x,,]\n", 1, "ett kommatecken inom [ ] eller { } har inget värde före sig (t.ex. två kommatecken i rad); "
     f"ta bort det, eller {QUOTE} om den inte är en lista, t.ex. a: \"[x,,]\""),
    ("a: 1\nb: [, x]\n", 2, "ett kommatecken inom [ ] eller { } har inget värde före sig (t.ex. två kommatecken "
     f"i rad); ta bort det, eller {QUOTE} om den inte är en lista, t.ex. b: \"[, x]\""),
    ("a: [- x]\n", 1, "raden går inte att läsa som YAML (did not find expected node content); kontrollera "
     "indrag och kolon, och sätt texter som innehåller : # [ ] { } & * ! | > ' \" % @ eller ` inom citattecken"),
    ("a: 1\n---\nb: 2\n", 2, "en rad med bara '---' står mitt bland fälten; ta bort den (i en .md-fil avslutar "
     "den andra '---'-raden fälten, och texten skrivs under den)"),
    ('a: "x" y\n', 1, "texten fortsätter efter det avslutande citattecknet; sätt hela texten inom citattecken "
     "(ett \" inuti \"…\" skrivs \\\", ett ' inuti '…' skrivs '')"),
    ("actors:\n  - actor: polisen\n   status: pågår\n", 3, "raderna i listan är olika indragna; varje '-' ska stå "
     "lika långt in, och fälten under ett '-' rakt under fältet efter '-'"),
    ("a: 1\n%x\n", 2, f"en rad kan inte börja med % i YAML; {QUOTE}"),
    ("a: |x\n  y\n", 1, "efter | eller > ska raden sluta; skriv texten på raderna under, indragen med mellanslag"),
    ("a: - x\n", 1, f"'- ' mitt på en rad läses som början på en lista; {QUOTE}, eller skriv listan på egna "
     "rader under fältet"),
    ("a: 1\nb\nc: 2\n", 2, "raden saknar kolon efter fältnamnet (namn: värde); fortsätter raden en text från "
     "raden ovanför, dra in den eller sätt texten inom citattecken"),
    ("a: 1\nb: x\x01y\n", 2, "raden innehåller ett osynligt styrtecken (U+0001); ta bort det (sådana tecken "
     "kommer ofta med när text kopieras från ett annat program)"),
    ("a: !!python/object:os.system x\n", 1, "YAML-taggen '!!python/object:os.system' används inte i innehållet; "
     "ta bort den (skriv värdet som vanlig text, inom citattecken om det behövs)"),
    ("? [a]\n: 1\n", 1, "ett fältnamn måste vara ett ord, inte en lista eller samling; skriv fältet som namn: värde"),
    ("a: " + "[" * 300 + "]" * 300 + "\n", 1, "fälten är inbäddade i varandra i mer än 30 nivåer; kontrollera "
     "indragen (innehållet behöver högst fem nivåer)"),
])
def test_problems_in_plain_swedish_with_the_fix(text, line, message):
    with pytest.raises(YamlProblem) as exc:
        parse_yaml(text)
    assert (exc.value.line, exc.value.message) == (line, message)


@pytest.mark.parametrize("text, message", [
    ("title: x\n", "filen ska börja med en rad med bara tre bindestreck (---), sedan fälten (t.ex. title: …) "
     "och en rad --- till; texten skrivs under den andra raden"),
    ("—\ntitle: x\n—\n", "första raden ska vara tre vanliga bindestreck (---); här står något annat, ofta ett "
     "tankstreck (— eller –) som ordbehandlaren har bytt till: skriv ---"),
    ("---\ntitle: x\n", "fälten avslutas inte: lägg till en rad med bara tre bindestreck (---) efter fälten, "
     "före texten"),
])
def test_front_matter_must_open_and_close(text, message):
    with pytest.raises(YamlProblem) as exc:
        split_front_matter(text)
    assert (exc.value.line, exc.value.message) == (1, message)


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))


def test_an_alias_bomb_is_refused_without_expanding_it():
    assert len(BOMB) < 1024  # 9**10 values if each alias were written out
    with pytest.raises(YamlProblem) as exc:
        parse_yaml(BOMB)
    assert (exc.value.line, exc.value.message) == (1, "aliasen (*namn) i filen upprepar så mycket text att den "
                                                   "skulle bli gigantisk; skriv ut värdena i stället för att använda & och *")


def test_a_long_text_repeated_by_aliases_counts_by_its_length():
    text = f"a: &a '{'x' * 1000}'\nb: [{', '.join(['*a'] * 70_000)}]\n"
    with pytest.raises(YamlProblem):
        parse_yaml(text)  # 70,000 × 1 kB = 70 MB of text from 350 kB
    assert MAX_UNITS < 70_000 * 16


def test_a_few_aliases_are_fine_and_share_their_value():
    data = parse_yaml("a: &a [x, y]\nb: *a\nc: 'Polis & kommun'\n")
    assert data["b"] is data["a"] and data["c"] == "Polis & kommun"


@pytest.mark.parametrize("text", ["a: &x [*x]\n", "a: &x {b: *x}\n"])
def test_an_alias_inside_itself_is_a_problem_not_a_crash(text):
    with pytest.raises(YamlProblem) as exc:
        parse_yaml(text)
    assert (exc.value.line, exc.value.message) == (1, "ett alias (*namn) pekar på värdet det står i; skriv ut "
                                                   "värdet i stället")


def test_a_number_with_thousands_of_digits_stays_text_for_the_schema_to_refuse():
    value = parse_yaml("a: " + "9" * 5000 + "\n")["a"]
    assert isinstance(value, TooBig) and len(value) == 5000
    assert parse_yaml("a: 000000000000000000012\n")["a"] == 12


# -- yamlerrors.py, called with PyYAML's own exceptions --------------------------------------------

def yaml_error(text: str):
    import yaml
    with pytest.raises(yaml.YAMLError) as exc:
        yaml.load(text, Loader=yaml.SafeLoader)
    return exc.value


def test_yamlerrors_lines_count_from_the_first_line_of_the_front_matter():
    from lofte.content import yamlerrors
    text = "title: x\nb: [1, 2\nc: 3\n"
    found = yamlerrors.problem(yaml_error(text), text, 10)
    # the bracket opened on the text's second line, i.e. line 11 of the file, not where PyYAML gave up
    assert (found.line, found.message) == (11, "en text som börjar med [ läses som en lista som ska avslutas med ]; "
                                               "sätt texten inom citattecken om den inte är en lista")
    assert isinstance(found, yamlerrors.YamlProblem) and str(found) == found.message


def test_yamlerrors_control_characters_and_unknown_errors_are_plain_swedish():
    import yaml

    from lofte.content.yamlerrors import problem
    text = "title: x\nsummary: a\x07b\n"
    found = problem(yaml_error(text), text, 2)
    assert (found.line, found.message) == (3, "raden innehåller ett osynligt styrtecken (U+0007); ta bort det "
                                              "(sådana tecken kommer ofta med när text kopieras från ett annat program)")
    found = problem(yaml.YAMLError("trasig"), "", 7)
    assert (found.line, found.message) == (7, "filen går inte att läsa som YAML (trasig); kontrollera indrag och kolon")


def test_yamlerrors_example_quotes_the_value_and_shortens_a_long_one():
    from lofte.content import yamlerrors
    text = "title: Trygghet: så gör vi \"nu\" i hela kommunen och i alla stadsdelar\n"
    found = yamlerrors.problem(yaml_error(text), text, 1)
    assert found.message == ("texten innehåller ett kolon följt av mellanslag, som läses som början på ett nytt "
                             "fält; sätt texten inom citattecken, t.ex. title: \"Trygghet: så gör vi 'nu' i hela "
                             "kommunen…\"")
