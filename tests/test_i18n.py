"""The message catalogue: every interface text of the templates exists in English.

The Swedish text is the key (`_("Senast uppdaterad")`), so the keys are read
from the templates themselves with Jinja's parser: a new text without an English
entry, or an entry no template uses any more, fails here rather than showing up
as Swedish on an English page.
"""
import ast
import datetime as dt
import re
from importlib import resources
from pathlib import Path

import jinja2
import jinja2.nodes as nodes
import pytest
from conftest import SMALL, options

import lofte.i18n.messages
from lofte.build.pipeline import read_site
from lofte.content.languages import direction, swedish_initial, swedish_key
from lofte.i18n import labels
from lofte.i18n.translate import Translator, catalogue, messages_file
from lofte.outputs.pages import environment
from lofte.outputs.templatefiles import PACKAGED as TEMPLATES

PACKAGE = Path(__file__).resolve().parents[1] / "lofte"
# Python that phrases pages (view data) and shared labels: their `_("…")` texts are catalogue keys too.
PYTHON = sorted((PACKAGE / "outputs/views").glob("*.py")) + [PACKAGE / "i18n/labels.py"]


def _is_translator(node) -> bool:
    """`_` or `something._` (a Translator held by a Words object)."""
    return (isinstance(node, ast.Name) and node.id == "_") or (isinstance(node, ast.Attribute) and node.attr == "_")


def python_messages(paths=PYTHON) -> dict[str, set[str]]:
    """Every constant string passed to `_()`, `x._()`, `_.n()` or `x._.n()` in view modules."""
    found: dict[str, set[str]] = {}
    for path in paths:
        for call in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            f = call.func
            if _is_translator(f):
                args = call.args[:1]
            elif isinstance(f, ast.Attribute) and f.attr == "n" and _is_translator(f.value):
                args = call.args[1:3]
            else:
                continue
            for arg in args:
                assert isinstance(arg, ast.Constant), f"{path.name}:{call.lineno}: _() needs a literal text"
                found.setdefault(arg.value, set()).add(path.name)
    return found


def all_messages() -> dict[str, set[str]]:
    found = template_messages()
    for key, where in python_messages().items():
        found.setdefault(key, set()).update(where)
    return found


def template_messages(root: Path = TEMPLATES) -> dict[str, set[str]]:
    """Every constant string passed to `_()` or `_.n()`, with the templates using it."""
    env = jinja2.Environment()
    found: dict[str, set[str]] = {}
    for path in sorted(root.glob("*.html")):
        tree = env.parse(path.read_text("utf-8"))
        for call in tree.find_all(nodes.Call):
            f = call.node
            plain = isinstance(f, nodes.Name) and f.name == "_"
            plural = isinstance(f, nodes.Getattr) and isinstance(f.node, nodes.Name) and f.node.name == "_" \
                and f.attr == "n"
            record(found, messages(call.args, plain, plural), nodes.Const, f"{path.name}:{call.lineno}")
    return found


def messages(args: list, plain: bool, plural: bool) -> list:
    """The arguments of a translator call that are texts: `_("…")`, `_.n(n, "… one", "… many")`."""
    return args[:1] if plain else args[1:3] if plural else []


def record(found: dict[str, set[str]], args: list, literal: type, where: str) -> None:
    for arg in args:
        assert isinstance(arg, literal), f"{where}: the translator needs a literal text"
        found.setdefault(arg.value, set()).add(where.split(":")[0])


POSTERS = Path(__file__).parent.parent / "lofte" / "outputs" / "posters"


def poster_messages(root: Path = POSTERS) -> dict[str, set[str]]:
    """Every constant string the poster modules pass to their translator `t(…)` (or `t.n`)."""
    found: dict[str, set[str]] = {}
    for path in sorted(root.glob("*.py")):
        for call in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(call, ast.Call):
                f = call.func
                plain = isinstance(f, ast.Name) and f.id == "t"
                plural = isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "t" \
                    and f.attr == "n"
                record(found, messages(call.args, plain, plural), ast.Constant, f"{path.name}:{call.lineno}")
    return found


def ui_messages() -> set[str]:
    """Every UI text: templates, the views' and the posters' Python."""
    return set(all_messages()) | set(poster_messages())


def test_the_poster_extractor_sees_the_posters_words():
    words = poster_messages()
    assert "Senast rapporterat {date}" in words and "Sida {n} av {total}" in words


def test_the_extractor_sees_plain_and_plural_calls(tmp_path):
    (tmp_path / "t.html").write_text('{{ _("Hej") }} {{ _.n(n, "{n} löfte", "{n} löften") }} {{ _.date(d) }}')
    assert template_messages(tmp_path) == {"Hej": {"t.html"}, "{n} löfte": {"t.html"}, "{n} löften": {"t.html"}}


def test_the_python_extractor_sees_translator_calls(tmp_path):
    (tmp_path / "v.py").write_text('w._("Hej")\n_("Då")\nw._.n(2, "{n} löfte", "{n} löften")\nw._.date(d)\n')
    assert python_messages([tmp_path / "v.py"]) == {"Hej": {"v.py"}, "Då": {"v.py"}, "{n} löfte": {"v.py"},
                                                    "{n} löften": {"v.py"}}


def test_every_template_text_has_an_english_entry():
    missing = sorted(ui_messages() - set(catalogue("en")))
    assert not missing, "missing in lofte/messages/en.yaml:\n" + "\n".join(missing)


def test_no_unused_english_entries():
    unused = sorted(set(catalogue("en")) - ui_messages())
    assert not unused, "no template, view or poster uses:\n" + "\n".join(unused)


def test_english_entries_are_texts_with_the_same_placeholders():
    placeholders = lambda s: sorted(re.findall(r"\{(\w+)\}", s))  # noqa: E731
    bad = [k for k, v in catalogue("en").items()
           if not isinstance(v, str) or not v.strip() or placeholders(v) != placeholders(k)]
    assert not bad


def test_translator_passes_swedish_through_and_formats_values():
    assert Translator("sv")("Senast uppdaterad") == "Senast uppdaterad"
    assert Translator("en")("Senast uppdaterad") == "Last updated"
    assert Translator("en").n(2, "{n} löfte", "{n} löften") == "2 promises"
    assert Translator("sv").language("ar") == "arabiska"
    assert direction("ar") == "rtl" and direction("sv") == "ltr"


def test_fixed_texts_are_translated_when_compiled_and_calls_with_values_still_work(tmp_path):
    (tmp_path / "t.html").write_text('{{ _("Status") }}|{{ _("Ligger efter tidsplanen") }}|{{ _("(totalt {n})", n=3) }}'
                                     '|{{ _.date(d) }}|{{ x._("Status") if x else "" }}', "utf-8")
    for lang, expected in (("sv", "Status|Ligger efter tidsplanen|(totalt 3)|1 maj 2025|"),
                           ("en", "Status|Behind schedule|(3 in total)|1 May 2025|")):
        env = environment((str(tmp_path),), lang)
        assert env.get_template("t.html").render(_=Translator(lang), d=dt.date(2025, 5, 1), x=None) == expected
    source = environment((str(tmp_path),), "en").compile(
        (tmp_path / "t.html").read_text("utf-8"), raw=True)
    assert "Behind schedule" in source  # a constant in the compiled template, not a call


def test_swedish_alphabetical_order():
    names = ["Örebro", "Åre", "arboga", "Ängelholm", "Zinkgruvan", "Éslöv", "Eda", "Mölndal", "Motala", "Ystad"]
    assert sorted(names, key=swedish_key) == ["arboga", "Eda", "Éslöv", "Motala", "Mölndal", "Ystad",
                                              "Zinkgruvan", "Åre", "Ängelholm", "Örebro"]
    assert [swedish_initial(n) for n in ("Åre", "Ängelholm", "Örebro", "Éslöv", "arboga")] == ["Å", "Ä", "Ö", "E", "A"]


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)\}", text))


def test_every_catalogue_in_the_messages_package_loads_and_keeps_the_placeholders_of_its_swedish_keys():
    """en.yaml, en-data.yaml and notices.yaml (one catalogue per content language), read with the loader
    the site uses: each value a non-empty text with exactly its Swedish key's {placeholders}."""
    files = sorted(f.name for f in resources.files(lofte.i18n.messages).iterdir() if f.name.endswith(".yaml"))
    assert {"en.yaml", "en-data.yaml", "notices.yaml"} <= set(files)
    bad, seen = [], 0
    for name in files:
        loaded = messages_file(name)
        assert isinstance(loaded, dict) and loaded, name
        catalogues = loaded.items() if name == "notices.yaml" else [(name, loaded)]
        for where, entries in catalogues:
            assert isinstance(entries, dict) and entries, f"{name}: {where}"
            for key, value in entries.items():
                seen += 1
                if not isinstance(key, str) or not isinstance(value, str) or not value.strip() \
                        or _placeholders(value) != _placeholders(key):
                    bad.append(f"{name}: {where}: {key!r}: {value!r}")
    assert not bad, "\n".join(bad)
    assert seen > 300


def test_notices_translate_only_sentences_the_interface_has_and_not_the_interface_languages():
    notices, english = messages_file("notices.yaml"), catalogue("en")
    assert "ar" in notices and "sv" not in notices and "en" not in notices
    for lang, sentences in notices.items():
        assert set(sentences) <= set(english), lang
        assert "Läs den svenska texten" in sentences, lang


@pytest.fixture(scope="module")
def storby(tmp_path_factory):
    return read_site(options(SMALL, cache_dir=tmp_path_factory.mktemp("cache"))).municipalities[0]


def test_labels_for_titles_actors_and_statuses(storby):
    assert labels.example_title("Tryggare park", True) == "Exempel: Tryggare park"
    assert labels.example_title("exempel på löfte", True) == "exempel på löfte"  # not twice
    assert labels.example_title("Tryggare park", False) == "Tryggare park"
    assert labels.actor_name(storby, "polisen") == "Polisen"
    assert labels.actor_name(storby, "polisen", Translator("en")) == "The police"
    assert labels.actor_name(storby, "kommunen") == "Storby kommun"
    assert labels.actor_name(storby, "bostadsbolaget") == "Storby Bostäder AB"
    assert labels.actor_name(storby, "okand-part") == "okand-part"  # an unknown key stays as written
    assert [labels.status_label(k) for k in ("pågår", "ej påbörjat", "delvis hållet", None, "")] == [
        "Pågår", "Ej påbörjat", "Delvis hållet", "", ""]
