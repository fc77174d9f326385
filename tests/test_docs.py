"""The guides in docs/ cannot rot: every YAML example validates, the table of fields that
take `okänt` is the schema's list, and every section the code points to exists."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, SMALL, content_errors, options, write_tree

from lofte.build.pipeline import read_site
from lofte.content import schema, unknowns
from lofte.content.yamlsource import parse_yaml, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDE = DOCS / "innehall.md"
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.S | re.M)
PATH_BEFORE = re.compile(r"`content/([^`]+)`:\s*\Z")

# A tiny valid site. Each example replaces the top-level fields it names in one of these
# files (the first kind that takes it without an error), so a fragment such as
# `police_area: okänt` is tried where it belongs.
BASE = {
    "site": ("site.yaml", {
        "title": "title: Medborgarlöften\n",
        "base_url": "base_url: https://medborgarloften.exempelby.se/\n",
        "licence": "licence: CC0-1.0\n",
        "feedback": "feedback: Ring 114 14.\n",
        "accessibility": ("accessibility:\n  status: delvis\n  assessed: 2026-01-01\n  statement_date: 2026-01-01\n"
                          "  method: Egen granskning.\n  contact_email: webb@exempelby.se\n"
                          "  response_time: Inom fem arbetsdagar.\n"),
    }),
    "kommun": ("exempelby/kommun.yaml", {
        "name": "name: Exempelby kommun\n",
        "short_name": "short_name: Exempelby\n",
        "police_area": "police_area: Lokalpolisområde Exempelby\n",
        "partners": "partners:\n  - id: exempelbostader\n    name: Exempelbostäder\n  - id: kbab\n    name: KBAB\n",
    }),
    "lofte": ("exempelby/2026/lofte.yaml", {
        "title": "title: Medborgarlöften i Exempelby\n",
        "start": "start: 2024-01-01\n",
        "end": "end: 2026-12-31\n",
    }),
    "promise": ("exempelby/2026/est/index.md", {
        "title": "title: EST\n",
        "actors": "actors:\n  - actor: polisen\n    status: pågår\n  - actor: kommunen\n    status: pågår\n",
        "status": "status: pågår\n",
        "indicators": ("indicators:\n  - id: est-moten\n    name: Återkoppling på EST-möten\n    unit: möten\n"
                       "    kind: count\n    target:\n      value: 4\n"),
    }),
    "update": ("exempelby/2026/est/updates/2024-06-12-est-mote-juni.md", {
        "title": "title: Junimötet\n",
    }),
}
BODY = "Text.\n"
NEW_UPDATE = "exempelby/2026/est/updates/2024-09-18-prov.md"  # where an update example is tried


def fences(path: Path) -> list[tuple[int, str, str, str | None]]:
    """(line, language, text, the content path named just before it) of each fenced block."""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        before = PATH_BEFORE.search(text[max(0, m.start() - 200):m.start()].rstrip(" "))
        out.append((text.count("\n", 0, m.start()) + 1, m[2], textwrap.dedent(m[3]), before and before[1]))
    return out


EXAMPLES = [(f"{path.name}:{line}", block) for path in sorted(DOCS.glob("*.md"))
            for line, lang, block, named in fences(path) if lang == "yaml" and named is None]
NAMED = [(named, lang, block) for line, lang, block, named in fences(GUIDE) if named]


def file_text(kind: str, example: str, front_matter: bool) -> str:
    keys = set(parse_yaml(example) or {}) if example else set()
    _, base = BASE[kind]
    if keys & {"source", "sources"}:  # one or the other, never both
        keys |= {"source", "sources"}
    text = "".join(chunk for key, chunk in base.items() if key not in keys) + example
    return f"---\n{text}---\n{BODY}" if front_matter else text


def tree(root: Path, kind: str | None = None, example: str = "") -> Path:
    files = {}
    for k, (rel, _) in BASE.items():
        files[rel] = file_text(k, example if k == kind and kind != "update" else "", rel.endswith(".md"))
    if kind == "update":
        files[NEW_UPDATE] = file_text("update", example, True)
    return write_tree(root, files)


def test_the_base_site_is_valid(tmp_path):
    assert content_errors(tree(tmp_path / "content")) == []


@pytest.mark.parametrize("where, example", EXAMPLES, ids=[w for w, _ in EXAMPLES])
def test_every_yaml_example_in_the_guides_validates(tmp_path, where, example):
    parse_yaml(example)  # readable YAML first: a broken example fails here with its own message
    tried = {}
    for kind in BASE:
        errors = content_errors(tree(tmp_path / kind / "content", kind, example))
        if not errors:
            return
        tried[kind] = errors
    pytest.fail(f"{where}: the example fits no content file:\n" + "\n".join(
        f"as {BASE[kind][0]}: {errors[0]}" for kind, errors in tried.items()))


def test_the_full_example_builds_as_written(tmp_path):
    """Section 15: the promise and its update, at the paths the guide names."""
    assert [named for named, _, _ in NAMED] == ["exempelby/2026/trygghetsvandringar/index.md",
                                                "exempelby/2026/trygghetsvandringar/updates/"
                                                "2026-03-18-forsta-vandringen.md"]
    content = tree(tmp_path / "content")
    write_tree(content, {named: block for named, _, block in NAMED})
    assert content_errors(content) == []
    for named, _, block in NAMED:
        front = split_front_matter(block)[0]
        assert parse_yaml(front, 2)["example"] is True  # made-up content is always marked


def section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"\n### {title}\n")
    return text[start:text.index("\n## ", start)]


class Recorder:
    """Every field the schema reads through `okänt` (unknowns.unknown), by its dotted name."""

    def __init__(self, monkeypatch):
        self.names: set[str] = set()
        original = unknowns.unknown

        def unknown(f, key):
            self.names.add(re.sub(r" \([^)]*\)", "", f.name(key)))
            return original(f, key)
        monkeypatch.setattr(unknowns, "unknown", unknown)
        monkeypatch.setattr(schema, "unknown", unknown)


def test_the_okant_table_lists_every_field_that_takes_okant(monkeypatch, tmp_path):
    recorder = Recorder(monkeypatch)
    for content in (SMALL, FIXTURES / "archive"):  # between them, every group that holds such a field
        read_site(options(content, cache_dir=tmp_path / content.name))
    read = {name.rsplit(".", 1)[-1] for name in recorder.names}
    assert {"police_area", "responsible", "interval_days", "quality", "promises", "date"} <= read
    table = [line for line in section("Okänt: det källan inte säger").splitlines() if line.startswith("| `")]
    documented = {word for line in table for word in re.findall(r"`(\w+)`", line.split("|")[2])}
    parents = {part for name in recorder.names for part in name.split(".")[:-1]}
    assert read - documented == set(), "fields that take okänt but are not in the guide's table"
    assert documented - read - parents == set(), "fields in the guide's table that do not take okänt"


def test_the_sections_the_code_points_to_exist():
    """Errors and advice say "(docs/innehall.md, Okänt)", "se docs/innehall.md, avsnitt 7"."""
    guide = GUIDE.read_text(encoding="utf-8")
    headings = re.findall(r"^#{2,3} (.+)$", guide, re.M)
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "lofte").rglob("*.py"))
    named = set(re.findall(r"docs/innehall\.md, ([A-ZÅÄÖ][\wåäö]*)", code))
    numbered = set(re.findall(r"docs/innehall\.md, avsnitt (\d+)", code))
    assert named and numbered
    for name in named:
        assert any(h == name or h.startswith(f"{name}:") or h.startswith(f"{name} (") for h in headings), name
    for number in numbered:
        assert any(h.startswith(f"{number}. ") for h in headings), number


def anchor(heading: str) -> str:
    """The anchor GitHub and most Markdown viewers give a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_guides_reach_a_heading():
    anchors = {p.name: {anchor(h) for h in re.findall(r"^#+ (.+)$", p.read_text(encoding="utf-8"), re.M)}
               for p in DOCS.glob("*.md")}
    for p in DOCS.glob("*.md"):
        for target, fragment in re.findall(r"\]\(([\w-]*\.md)?#([^)]+)\)", p.read_text(encoding="utf-8")):
            assert fragment in anchors[target or p.name], f"{p.name}: {target}#{fragment}"
