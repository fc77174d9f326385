"""The hardening review's own attacks, one row each: refused with a message, or harmless output.

Each attack edits the small fixture as an attacker (or a careless copy-paste)
would. `refused` attacks must stop the build with an error naming the file;
`harmless` ones must build, and the check that follows proves the output safe.
README.md ("Security") counts these rows.
"""
import json
import re
from xml.etree import ElementTree

import pytest
from conftest import content_errors, edit, options

from lofte.build.pipeline import build

PARK = "storby/2025/trygg-park/index.md"
UPDATE = "storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md"
LOFTE = "storby/2025/lofte.yaml"
KOMMUN = "storby/kommun.yaml"
TRACKER = "https://tracker.example.net/p.gif"



REFUSED = [  # (name, file, old, new, a phrase of the error)
    ("ANSI escape in a title rewrites the terminal", PARK, "title: Tryggare park", 'title: "\\e]0;x\\a\\e[2J"', "U+001B"),
    ("C1 control from a Windows-1252 paste", PARK, "title: Tryggare park", 'title: "Trygg\\x85x"', "U+0085"),
    ("line separator U+2028 in a list item", PARK, "focus_area: Parken", 'focus_area: Parken\neffects: ["a\\u2028b"]', "U+2028"),
    ("right-to-left override in a file's body", UPDATE, "Tjugo personer kom.", "Tjugo \u202epersoner kom.", "U+202E"),
    ("isolate U+2066 in a period title", LOFTE, "title: Medborgarlöften i Storby 2025",
     'title: "Medborgarlöften \\u2066i Storby"', "U+2066"),
    ("right-to-left mark in a Swedish summary", PARK, "summary: Fem trygghetsvandringar i parken.",
     'summary: "\\u200fFem vandringar"', "U+200F"),
    ("Zalgo in a municipality name", KOMMUN, "name: Storby kommun", "name: S\u0336\u0337\u0338\u0335torby kommun",
     "staplade"),
    ("tracking pixel as a reference-style image", PARK, "Vi går", f"![x][p]\n\n[p]: {TRACKER}\n\nVi går", "ligger inte i content"),
    ("tracking pixel in upper-case raw HTML", UPDATE, "Tjugo", f"<IMG SRC={TRACKER} ALT=x>Tjugo", "ligger inte i content"),
    ("tracking pixel with a tab in the scheme", UPDATE, "Tjugo", '<img alt=x src="ht\ttps://tracker.example.net/p">Tjugo',
     "ligger inte i content"),
    ("tracking pixel via a backslash host", UPDATE, "Tjugo", '<img alt=x src="\\\\tracker.example.net\\p.gif">Tjugo',
     "ligger inte i content"),
    ("data: image", UPDATE, "Tjugo", "![x](data:image/gif;base64,R0lGODlhAQABAAAAACw=) Tjugo",
     "pekar inte på någon bildfil"),
    ("image in a YAML Markdown field", LOFTE, "purpose: Öka tryggheten i centrum.",
     'purpose: "![x](karta.png)"', "bilder går bara"),
    ("protocol-relative link //host", PARK, "Vi går", "[Läs](//evil.example/) Vi går", "leder till en annan webbplats"),
    ("protocol-relative link written /\\host", PARK, "Vi går", '<a href="/\\evil.example/">x</a> Vi går',
     "leder till en annan webbplats"),
    ("//host in a url field", UPDATE, "example: true", "evidence:\n  - title: x\n    url: //evil.example/\nexample: true",
     "ingen tillåten länk"),
    ("mailto with injected headers", "site.yaml", "email: info@example.se", "email: 'a@b.se?bcc=c@d.se'",
     "ingen e-postadress"),
    ("alias bomb in a field that expects a word", PARK, "status: ej påbörjat\nindicators:", "status: [" + "".join(
        f"&x{i} [{', '.join([f'*x{i - 1}'] * 9) if i else 'a'}], " for i in range(9)) + "]\nindicators:", "aliasen"),
    ("alias of a long text repeated", PARK, "order: 1", "order: 1\nx: &t '" + "a" * 2000 + "'\ny: [" + ", ".join(
        ["*t"] * 40_000) + "]", "aliasen"),
    ("python object tag", PARK, "order: 1", "order: !!python/object/apply:os.system ['id']", "YAML-taggen"),
    ("300 levels of nesting", PARK, "focus_area: Parken", "focus_area: " + "{a: " * 300 + "1" + "}" * 300, "nivåer"),
    ("integer of 5,000 digits", UPDATE, "value: 1", "value: " + "7" * 5000, "för många siffror"),
    ("progress of 1e300", UPDATE, "value: 1", "value: 1.0e300", "är för stort"),
    ("negative count", UPDATE, "value: 1", "value: -40", "kan inte vara negativt"),
    ("target of zero", PARK, "target: {value: 5,", "target: {value: 0,", "större än 0"),
    ("interval of a billion days", LOFTE, "interval_days: 100", "interval_days: 1000000000", "högst 1\u00a0461"),
    ("date 9999-12-31", LOFTE, "signed: 2024-12-10", "signed: 9999-12-31", "utanför åren"),
    ("event in year 1", UPDATE, "example: true", "events:\n  - title: x\n    start: 0001-01-01 10:00\nexample: true",
     "utanför åren"),
    ("line break in base_url", "site.yaml", "base_url: https://example.se/trygghet/lofte/",
     'base_url: "https://example.se/\\nRedirect 301 / https://evil.example/"', "radbrytning"),
    ("quote in base_url", "site.yaml", "base_url: https://example.se/trygghet/lofte/",
     "base_url: 'https://example.se/\" x'", "mellanslag"),
    ("Apache expression in base_url", "site.yaml", "base_url: https://example.se/trygghet/lofte/",
     "base_url: 'https://example.se/%{ENV:X}/'", "tecknet {"),
    ("credentials in base_url", "site.yaml", "base_url: https://example.se/trygghet/lofte/",
     "base_url: https://admin:hemligt@example.se/", "lösenord"),
    ("duplicate key hides a value", PARK, "title: Tryggare park", "title: Tryggare park\ntitle: Annat", "två gånger"),
]


@pytest.mark.parametrize("name, rel, old, new, phrase", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused(small_content, name, rel, old, new, phrase):
    edit(small_content, rel, old, new)
    errors = content_errors(small_content)
    assert any(phrase in e and e.startswith(f"content/{rel}") for e in errors), errors


REFUSED_FILES = [  # (name, path, bytes, a phrase)
    ("folder with a trailing line break", "storby/2025/est\n/index.md", b"---\ntitle: x\n---\n", "radbrytning"),
    ("folder named like a Windows device", "storby/2025/aux/index.md", b"---\ntitle: x\n---\n", "Windows"),
    ("image name with a direction control", "storby/2025/trygg-park/bild\u202egpj.png", b"x", "osynligt"),
    ("image name with a quote and brackets", 'storby/2025/trygg-park/a"<b>.png', b"x", "tecknet"),
    ("update name with å", "storby/2025/trygg-park/updates/2025-05-01-möte.md", b"---\ntitle: x\n---\n", "skriv"),
    ("PDF with JavaScript", "storby/2025/trygg-park/a.pdf", None, "PDF-filen innehåller"),
    ("image over 1 MB", "storby/2025/trygg-park/stor.jpg", b"\xff\xd8" + b"\0" * 1_100_000, "för stor"),
]


@pytest.mark.parametrize("name, rel, data, phrase", REFUSED_FILES, ids=[r[0] for r in REFUSED_FILES])
def test_refused_files(small_content, name, rel, data, phrase):
    if data is None:
        from test_images import make_pdf
        data = make_pdf(javascript=True)
    target = small_content / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    assert any(phrase in e for e in content_errors(small_content))


HARMLESS = [  # (name, file, old, new): builds; the output is checked below
    ("script tag in a title", PARK, "title: Tryggare park", "title: '<script>alert(1)</script>'"),
    ("CDATA end and entities in a body", UPDATE, "Tjugo", "]]> <![CDATA[ &amp; &#0; Tjugo"),
    ("formula in a title (CSV injection)", PARK, "title: Tryggare park", "title: '\uff1dHYPERLINK(\"https://evil\")'"),
    ("iCal line injection in an event", UPDATE, "example: true",
     'events:\n  - title: "Möte\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:falsk"\n    start: 2025-07-01 18:00\nexample: true'),
    ("template syntax in a text", PARK, "summary: Fem trygghetsvandringar i parken.", "summary: '{{ 7*7 }} {% raw %} Fem'"),
    ("line break in a municipality name (calendar NAME)", KOMMUN, "name: Storby kommun", 'name: "Storby\\nkommun"'),
    ("javascript: link", PARK, "Vi går", "[x](javascript:alert(1)) Vi går"),
    ("100,000 nested blockquotes", UPDATE, "Tjugo", ">" * 90_000 + " Tjugo"),
    ("Arabic translation with a right-to-left mark", PARK, "example: true\n---",
     'example: true\ntranslations:\n  ar:\n    translated: 2025-05-01\n    title: "حديقة \u200f2025"\n---'),
]


@pytest.mark.parametrize("name, rel, old, new", HARMLESS, ids=[r[0] for r in HARMLESS])
def test_harmless(small_content, tmp_path, name, rel, old, new):
    edit(small_content, rel, old, new)
    out = tmp_path / "site"
    build(options(small_content, out))
    for path in out.rglob("*"):
        if path.suffix in (".xml", ".rdf"):
            ElementTree.parse(path)
        elif path.suffix == ".html":
            html = path.read_text("utf-8")
            assert "<script>alert" not in html and "javascript:" not in html and "data:image/gif" not in html
            assert not re.search(r"<img[^>]+src=\"(?:[a-z]+:|//)", html), path
        elif path.suffix == ".csv":
            assert "\uff1dHYPERLINK" not in path.read_text("utf-8-sig").replace("'\uff1dHYPERLINK", "")
        elif path.suffix == ".ics":
            import icalendar
            events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
            assert len(events) <= 1 and all(not str(e["SUMMARY"]).startswith("falsk") for e in events)
        elif path.suffix == ".json":
            json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def built_small(tmp_path_factory):
    """The small fixture's site, built once: each attack below starts from a copy of it."""
    from conftest import SMALL
    out = tmp_path_factory.mktemp("previous") / "site"
    build(options(SMALL, out, cache_dir=out.parent / ".cache"))
    return out


def files_of(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name, rel, old, new, phrase", REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refused_attack_exits_1_and_leaves_the_site_and_the_content_as_they_were(
        small_content, tmp_path, built_small, monkeypatch, capsys, name, rel, old, new, phrase):
    """Issue 18, done when: through the command line, the error names file and line, the exit
    code is 1, and the previous site and every content file are untouched."""
    import shutil

    from lofte.cli import main
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751241600")  # 2025-06-30, the fixture's build date
    site = tmp_path / "site"
    shutil.copytree(built_small, site)
    edit(small_content, rel, old, new)
    content_before, site_before = files_of(small_content), files_of(site)
    capsys.readouterr()
    assert main(["build", "--content", str(small_content), "--out", str(site), "--no-posters", "--jobs", "1",
                 "--cache-dir", str(tmp_path / ".cache")]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"{re.escape(str(small_content / rel))}:\d+: ", err) and phrase in err, err[-600:]
    assert files_of(small_content) == content_before and files_of(site) == site_before
