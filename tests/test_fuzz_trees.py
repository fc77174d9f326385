"""Property: a random content tree builds a safe site or fails with one error per problem, never a traceback.

Trees are made from scratch (test_fuzz_content.py mutates the fixture instead):
random names for folders and files, texts with control characters, direction
controls, stacked marks, emoji, Markdown and HTML (images from other hosts
among them), numbers from -1e300 to 5,000 digits, dates up to 9999, and YAML
nested deeper than any content. Either the build succeeds, and then every XML
file parses with a real parser and no page, feed, data file or calendar makes
a reader load anything from another host; or it stops with content errors,
and every text with a character problem is named by file and line.
"""
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from conftest import json_strings, options
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lofte.build.pipeline import build
from lofte.content import markup, textcheck
from lofte.content.errors import BuildAborted

SITE = """title: Fuzz
base_url: {base_url}
languages: [sv, en]
contact:
  email: info@example.se
licence: CC0-1.0
feedback: Ring 114 14.
accessibility:
  status: delvis
  assessed: 2025-01-10
  statement_date: 2025-01-12
  method: Egen granskning.
  contact_email: webb@example.se
  response_time: Fem dagar.
"""
TRACKER = "https://tracker.example.net/p.png"

# Pieces texts are made of: ordinary Swedish and Markdown/HTML, and, less often, what an
# attacker or a spreadsheet brings (controls, direction controls, marks, other hosts).
SAFE = st.sampled_from([
    "Trygg", "park", " ", "å", "ä", "ö", "–", "”", "\n", "\n\n", ": ", "- ", "# ", "**", "[", "]", "(", ")", "<",
    ">", "&", "*", "'", '"', "\\", "😀", "حديقة", "公园", "\u0308", "<script>alert(1)</script>", "javascript:alert(1)",
    "=HYPERLINK(\"x\")", "]]>", "<![CDATA[", "{{ 7*7 }}", "%{ENV:x}", "[l](https://example.org/)",
])
HOSTILE = st.sampled_from([
    "\t", "\x00", "\x01", "\x1b[2J", "\r", "\x7f", "\x85", "\u2028", "\u202e", "\u2066", "\u200f",
    "\u0301\u0301\u0301\u0301", "\ufeff", f"![karta]({TRACKER})", f"![k][r]\n\n[r]: {TRACKER}",
    f"<IMG SRC={TRACKER}>", "[x](//evil.example/)", "<img src=' //evil.example/x' alt=x>",
])
TEXT = st.lists(st.one_of(SAFE, SAFE, SAFE, SAFE, SAFE, SAFE, HOSTILE), max_size=8).map("".join)
NAMES = st.one_of(st.sampled_from(["park", "trygg-centrum", "a1", "x"]), st.sampled_from(["park", "b2"]),
                  st.sampled_from(["Park", "gård", "a b", "est\n", "a.b", "-x", "status", "x\u202e"]))
NUMBERS = st.one_of(st.integers(1, 100), st.integers(1, 100), st.integers(1, 100), st.integers(-10**20, 10**20),
                    st.floats(allow_nan=True), st.sampled_from(["1" * 5000, "1.0e300", "-1.0e300", "1.0e999", "0"]))
GOOD_DATES = st.dates(dt.date(2021, 1, 1), dt.date(2029, 12, 31)).map(str)
DATES = st.one_of(GOOD_DATES, GOOD_DATES, GOOD_DATES,
                  st.sampled_from(["9999-12-31", "0001-01-01", "2024-02-30", "2025-13-01"]))
BASE_URLS = st.sampled_from(["https://example.se/trygghet/"] * 6 + [
    '"https://example.se/a\\nRedirect 301 / https://e/"', "'https://example.se/a\"b/'", "https://u:p@example.se/",
    "https://example.se//x/"])


def y(value) -> str:
    """A YAML scalar for any value: JSON is YAML (control characters become escapes)."""
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?", value):
        return value  # a number written out as a number
    return json.dumps(value, ensure_ascii=False)


CLEAN = dict(text=st.lists(SAFE, max_size=8).map("".join), name=st.sampled_from(["park", "trygg-centrum", "a1"]),
             number=st.integers(1, 100), date=GOOD_DATES, nesting=st.just(0))
ANY = dict(text=TEXT, name=NAMES, number=NUMBERS, date=DATES, nesting=st.sampled_from([0] * 8 + [40, 300]))


@st.composite
def trees(draw):
    """Half of the trees use only values a build should accept, so outputs get checked too."""
    s = CLEAN if draw(st.booleans()) else ANY
    promises = []
    for _ in range(draw(st.integers(1, 3))):
        updates = [dict(date=draw(s["date"]), slug=draw(s["name"]), title=draw(s["text"]), body=draw(s["text"]),
                        value=draw(s["number"])) for _ in range(draw(st.integers(0, 2)))]
        promises.append(dict(slug=draw(s["name"]), title=draw(s["text"]), summary=draw(s["text"]),
                             body=draw(s["text"]), activity=draw(s["text"]), target=draw(s["number"]),
                             updates=updates))
    return dict(base_url=draw(BASE_URLS if s is ANY else st.just("https://example.se/trygghet/")),
                municipality=draw(s["name"]), name=draw(s["text"]), period=draw(s["name"]),
                purpose=draw(s["text"]), interval=draw(s["number"]), start=draw(s["date"]), promises=promises,
                nesting=draw(s["nesting"]))


def yamled(value: str) -> str:
    """A value as YAML gives it back: NEL and the Unicode line separators are line breaks there."""
    for brk in ("\x85", "\u2028", "\u2029"):
        value = value.replace(brk, "\n")
    return value


def write(root: Path, tree: dict) -> dict[str, list[str]]:
    """Write the tree; return, per file, the texts it holds (to check their errors)."""
    texts: dict[str, list[str]] = {}

    def put(rel: str, data: str, *values: str) -> None:
        path = root / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(data, encoding="utf-8", errors="surrogatepass")
        except (OSError, ValueError):
            return  # a name the file system refuses is no content
        shown = rel if rel.isprintable() else textcheck.shown(rel, 200)  # as messages show the path
        texts.setdefault(f"content/{shown}", []).extend(values)

    m, p = tree["municipality"], tree["period"]
    put("site.yaml", SITE.format(base_url=tree["base_url"]))
    put(f"{m}/kommun.yaml", f"name: {y(tree['name'] or 'Storby kommun')}\nshort_name: Storby\n"
        f"police_area: Lpo Storby\nexample: true\n", yamled(tree["name"]))
    deep = "[" * tree["nesting"] + "]" * tree["nesting"]
    put(f"{m}/{p}/lofte.yaml", f"title: Löften\nstart: {y(tree['start'])}\nend: 2031-12-31\n"
        f"purpose: {y(tree['purpose'])}\nfeedback_plan:\n  text: Varje kvartal.\n  interval_days: {y(tree['interval'])}\n"
        + (f"focus_areas: {deep}\n" if deep else "") + "example: true\n", yamled(tree["purpose"]))
    for pr in tree["promises"]:
        folder = f"{m}/{p}/{pr['slug']}"
        if (root / folder).exists():
            continue  # two promises drawn with the same name: one folder
        put(f"{folder}/index.md", f"---\ntitle: {y(pr['title'] or 'Löfte')}\nsummary: {y(pr['summary'])}\n"
            f"activities: [{y(pr['activity'] or 'Vandra')}]\nactors:\n  - actor: polisen\n    status: pågår\n"
            f"status: pågår\nindicators:\n  - id: antal\n    name: Vandringar\n    unit: st\n    kind: count\n"
            f"    target: {{value: {y(pr['target'])}}}\nexample: true\n---\n{pr['body']}\n",
            yamled(pr["title"]), yamled(pr["summary"]), yamled(pr["activity"]), pr["body"])
        for u in pr["updates"]:
            if (root / folder / "updates" / f"{u['date']}-{u['slug']}.md").exists():
                continue
            put(f"{folder}/updates/{u['date']}-{u['slug']}.md", f"---\ntitle: {y(u['title'] or 'Rapport')}\n"
                f"progress:\n  - indicator: antal\n    value: {y(u['value'])}\nexample: true\n---\n{u['body']}\n",
                yamled(u["title"]), u["body"])
    return texts


class Resources(HTMLParser):
    """URLs a browser would load by itself (not links a reader follows)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "srcset", "poster", "data"):
            if a.get(key):
                self.urls.append(a[key])
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "manifest"):
            self.urls.append(a.get("href") or "")


def external(html: str) -> list[str]:
    parser = Resources()
    parser.feed(html)
    return [u for u in parser.urls if re.match(r"\s*([a-z][a-z0-9+.-]*:|//|/\\)", u, re.I)
            and not u.startswith("data:")]


def assert_safe(out: Path) -> None:
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix in (".xml", ".rdf"):
            root = ElementTree.parse(path).getroot()  # malformed XML raises
            for content in root.iter("{http://www.w3.org/2005/Atom}content"):
                assert not external(content.text or ""), path
        elif path.suffix == ".html":
            assert not external(path.read_text("utf-8")), path
        elif path.suffix == ".json":
            for text in json_strings(json.loads(path.read_text("utf-8"))):
                assert not external(markup.to_html(text)), path  # Markdown a consumer might render
        elif path.suffix == ".ics":
            assert b"tracker.example" not in path.read_bytes()


def problem(value: str) -> bool:
    """Should this text be refused? As the loader sees it: line ends normalised, fields stripped;
    a NUL makes the whole file binary instead."""
    return "\x00" not in value and textcheck.problem(value.replace("\r\n", "\n").replace("\r", "\n").strip()) is not None


def reported(error_path: str, path: str) -> bool:
    """Is the file at `path` named by an error, or not read because of one above it (a folder
    with an invalid name, or a kommun.yaml/lofte.yaml/index.md its files depend on)?"""
    if error_path == path or path.startswith(error_path + "/"):
        return True
    folder = error_path.rsplit("/", 1)[0]
    return error_path != "content/site.yaml" and path.startswith(folder + "/") and error_path.count("/") < path.count("/")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(tree=trees())
def test_random_trees_build_safely_or_fail_with_an_error_per_problem(tmp_path_factory, tree):
    root = tmp_path_factory.mktemp("tree")
    texts = write(root / "content", tree)
    out = root / "site"
    try:
        build(options(root / "content", out))
    except BuildAborted as exc:
        event("stopped with content errors")
        errors = [str(e) for e in exc.errors]
        assert all(e.path.startswith("content") and e.message for e in exc.errors)
        assert all(re.match(r"content/[^\n]*?(:\d+)?: (\S[^\n]*: )?\S", e) for e in errors), errors
        for path, values in texts.items():
            if any(problem(v) for v in values):
                assert any(reported(e.path, path) for e in exc.errors), (path, values, errors)
        assert not out.exists()
    else:
        event("built")
        assert not any(problem(v) for vs in texts.values() for v in vs)
        assert_safe(out)
