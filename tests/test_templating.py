"""The Jinja environment (lofte/outputs/templating.py): a site's own templates first, safe by default."""
import jinja2
import pytest

from lofte.outputs import templating


def test_a_site_template_overrides_the_packaged_one_of_the_same_name(tmp_path):
    own, packaged = tmp_path / "own", tmp_path / "packaged"
    own.mkdir(), packaged.mkdir()
    (packaged / "a.html").write_text("packaged a", "utf-8")
    (packaged / "b.html").write_text("packaged b", "utf-8")
    (own / "a.html").write_text("own a", "utf-8")
    env = templating.environment((str(own), str(packaged)), inputs="test-override")
    assert env.get_template("a.html").render() == "own a"
    assert env.get_template("b.html").render() == "packaged b"


def test_values_are_escaped_and_undefined_names_are_errors(tmp_path):
    (tmp_path / "t.html").write_text("{{ value }}", "utf-8")
    env = templating.environment((str(tmp_path),), inputs="test-escape")
    assert env.get_template("t.html").render(value="<script>") == "&lt;script&gt;"
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("t.html").render()


def test_no_long_logic_lines_in_templates():
    """Issue 16.6: presentation, not logic. A line over 200 characters is allowed only for a single
    catalogue sentence: without the sentence's text, what is left must be short."""
    import re
    from pathlib import Path
    templates = Path(__file__).parent.parent / "templates"
    long = set()
    for path in sorted(templates.rglob("*.html")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rest = re.sub(r'_\("(?:[^"\\]|\\.)*"', '_(""', line)  # the catalogue sentence's own words
            if len(line) > 200 and len(rest) > 200:
                long.add((path.relative_to(templates).as_posix(), line.split(' aria-labelledby')[0].strip()))
    assert long == set()


def _badge_env(folder, inputs):
    env = templating.environment((str(folder), str(templating.TEMPLATES)), inputs=inputs)
    return env.from_string("{{ status(s) }}|{{ status(s, link=false) }}")


def test_a_status_badge_links_from_the_page_it_is_on_and_escapes_its_words(tmp_path):
    """status(s) reuses a badge made for the same status and link target, never one made for another."""
    from lofte.i18n.translate import Translator
    from lofte.outputs.views.words import StatusView
    page = _badge_env(tmp_path, "test-badge")
    s = StatusView("pågår", "◐", "Pågår <nu>", "progress", "status/#status-pågår")
    deep = page.render(s=s, v={"home": "../../"}, _=Translator("sv"))
    top = page.render(s=s, v={"home": ""}, _=Translator("sv"))
    assert 'href="../../status/#status-pågår"' in deep and 'href="status/#status-pågår"' in top
    assert "Pågår &lt;nu&gt;" in deep and "<nu>" not in deep
    assert top.split("|")[1] == deep.split("|")[1] and "href" not in top.split("|")[1]  # without a link: the same
    example = page.render(s=StatusView("pågår", "◐", "Pågår", "progress", "a", example=True),
                          v={"home": ""}, _=Translator("sv"))
    assert "exempel" in example and "exempel" not in top


def test_a_site_s_own_status_badge_is_used(tmp_path):
    (tmp_path / "_status.html").write_text("[{{ s.label }} → {{ home }}]", "utf-8")
    from lofte.i18n.translate import Translator
    from lofte.outputs.views.words import StatusView
    page = _badge_env(tmp_path, "test-own-badge")
    out = page.render(s=StatusView("hållet", "●", "Hållet", "done", "a"), v={"home": "../"}, _=Translator("sv"))
    assert out == "[Hållet → ../]|[Hållet → ]"
