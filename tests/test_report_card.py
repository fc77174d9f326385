"""The report card in the built site: share images, plurals, English pages, charts, sources.

Built once from the demo content (with posters, so the share images exist) and
once from the messy fixture; every check reads the built files, as a crawler, a
feed reader or a resident would get them.
"""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import options
from PIL import Image

from lofte.build.pipeline import build
from lofte.content import statuses
from lofte.i18n import units
from lofte.i18n.translate import catalogue
from lofte.outputs.views.chart import nice_range

ROOT = Path(__file__).resolve().parent.parent
DEMO_DATE = dt.date(2026, 11, 22)
MESSY_DATE = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "site"
    build(options(ROOT / "content", out, build_date=DEMO_DATE, posters=True))
    return out


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("messy") / "site"
    build(options(ROOT / "tests/fixtures/messy", out, build_date=MESSY_DATE))
    return out


class Page(HTMLParser):
    """The meta tags of a page and its text, without the parts in another language than `keep`."""

    def __init__(self, keep: str | None = None):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.keep = keep
        self.stack: list[bool] = []  # per open element: inside a part in another language?
        self.text: list[str] = []
        self.skip = 0  # depth inside <script>, <style>, <head>

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "rect", "circle", "path", "line"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        if tag in self.VOID:
            return
        other = bool(self.keep and a.get("lang") and a["lang"] != self.keep)
        self.stack.append(other or (self.stack[-1] if self.stack else False))
        if tag in ("script", "style", "head", "title", "code"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.stack:
            self.stack.pop()
        if tag in ("script", "style", "head", "title", "code"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and not (self.stack and self.stack[-1]):
            self.text.append(data)


def parse(path: Path, keep: str | None = None) -> Page:
    page = Page(keep)
    page.feed(path.read_text("utf-8"))
    return page


def page_files(site: Path, template_marker: str) -> list[Path]:
    return [f for f in sorted(site.rglob("index.html")) if template_marker in f.read_text("utf-8")]


# -- share images -----------------------------------------------------------------------

def test_every_period_and_promise_page_links_its_share_image(demo):
    periods = page_files(demo, '<section class="answer" aria-labelledby="lage">')
    promises = page_files(demo, 'class="summary__row summary__row--answer"')
    assert len(periods) >= 8 and len(promises) >= 18
    shared = [p for p in sorted(demo.rglob("*.html")) if 'property="og:image"' in p.read_text("utf-8")]
    assert sorted(shared) == sorted(periods + promises), "exactly the pages that have a share image link it"
    base = "https://medborgarloften.example.se/"
    for path in shared:
        meta = parse(path).meta
        url = meta["og:image"]
        assert url.startswith(base) and url.endswith("/dela.png"), url
        image = demo / url[len(base):]
        assert image.is_file(), f"{path}: {url} does not exist"
        assert Image.open(image).size == (int(meta["og:image:width"]), int(meta["og:image:height"]))
        assert meta["og:image:alt"].strip() and meta["twitter:card"] == "summary_large_image"


# -- plurals ---------------------------------------------------------------------------

PLURALS = ({p for p, s in units.SINGULAR.items() if p != s}
           | {p for s, p in units.ENGLISH.values() if p != s}
           | {"löften", "kommuner", "promises", "municipalities", "uppdateringar", "updates"})
ONE_PLURAL = re.compile(r"(?<![\d.,\u00a0 ]\d)(?<![\d.,])\b1[\s\u00a0]+(" + "|".join(sorted(PLURALS, key=len, reverse=True))
                        + r")\b")


def built_texts(site: Path):
    for f in sorted(site.rglob("*")):
        if f.suffix in (".html", ".xml", ".ics"):
            text = f.read_text("utf-8")
            if f.suffix == ".html":
                text = "".join(parse(f).text)
            else:
                text = re.sub(r"<[^>]+>", " ", text.replace("&lt;", "<").replace("&gt;", ">"))
            yield f.relative_to(site).as_posix(), text


@pytest.mark.parametrize("which", ["demo", "messy"])
def test_no_count_of_one_meets_a_plural(which, request):
    site = request.getfixturevalue(which)
    found = [f"{name}: …{m.group(0)}…" for name, text in built_texts(site) for m in ONE_PLURAL.finditer(text)]
    assert not found, "\n".join(found[:20])
    texts = " ".join(t for _, t in built_texts(site))
    assert re.search(r"\b1[\s\u00a0](möte|tillfälle|dag|kontroll|utbildning|meeting|day)\b", texts), \
        "the fixture has counts of one, so the check can fail"


def test_the_plural_check_catches_a_wrong_form():
    assert ONE_PLURAL.search("Mål: 1 dagar i veckan") and ONE_PLURAL.search("1\u00a0möten")
    assert not ONE_PLURAL.search("21 dagar") and not ONE_PLURAL.search("1,5 dagar") and not ONE_PLURAL.search("1 dag")


# -- English pages ------------------------------------------------------------------------

def swedish_ui_fragments() -> list[str]:
    """Fixed pieces of the Swedish interface texts that English pages must not show."""
    out = set()
    for swedish, english in catalogue("en").items():
        if swedish == english:
            continue
        for piece in re.split(r"\{\w+\}", swedish):
            piece = piece.strip(" .,:;()")
            if len(piece) >= 12 or (len(piece.split()) >= 2 and len(piece) >= 8):
                out.add(piece)
    for s in statuses.BY_KEY.values():
        out.add(s.text("sv"))
    return sorted(out)


@pytest.mark.parametrize("which", ["demo", "messy"])
def test_english_pages_show_no_swedish_interface_text(which, request):
    site = request.getfixturevalue(which)
    fragments = swedish_ui_fragments()
    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for path in pages:
        text = " ".join(" ".join(parse(path, keep="en").text).split())
        problems += [f"{path.relative_to(site)}: {f!r}" for f in fragments
                     if f in text and re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text)]
    assert not problems, "\n".join(problems[:30])


def test_english_units_and_site_name(demo):
    page = (demo / "en/koping/2024/est/index.html").read_text("utf-8")
    assert "3 of 4\u00a0meetings" in page  # the unit's English name from the promise's translation
    assert "<title>EST – Effective coordination for safety – Citizen promises</title>" in page
    walks = (demo / "en/exempelby/2026/trygghetsvandringar/index.html").read_text("utf-8")
    assert "3 of 5\u00a0walks" in walks  # a built-in English name for a common Swedish unit


# -- charts and sources --------------------------------------------------------------------

def test_dated_measurements_get_a_chart_with_a_table(demo):
    page = (demo / "exempelby/2026/trygghet-i-centrum/index.html").read_text("utf-8")
    (svg,) = re.findall(r'<svg class="chart".*?</svg>', page, re.S)
    assert 'aria-hidden="true"' in svg and svg.count('class="chart__point"') == 1
    assert 'class="chart__baseline"' in svg and 'class="chart__target"' in svg and 'class="chart__expected"' in svg
    table = re.search(r'<details class="chart-table">.*?</details>', page, re.S).group(0)
    assert table.count("<tr>") == 1 + 2  # head, baseline and the measurement
    assert "Utgångsläget var 58\u00a0procent." in page


def test_sources_are_named_by_title_never_by_file_name(demo):
    for path in demo.rglob("*.html"):
        assert not re.search(r"\b\d{3}_[0-9a-f]{16}\.txt\b", "".join(parse(path).text)), path


def test_no_internal_interval_jargon(demo):
    page = (demo / "koping/2024/index.html").read_text("utf-8")
    assert "var 91:e dag" not in page and "minst en gång i kvartalet" in page


def test_nice_axis_ranges():
    assert nice_range(58, 65) == (58, 66, 2)
    assert nice_range(0, 5) == (0, 5, 1)
    assert nice_range(0, 104) == (0, 125, 25)
    assert nice_range(0, 1, whole=True) == (0, 1, 1)


def test_nothing_is_said_twice_on_a_promise_page(demo):
    """The source repeats the promise text as approach and activities (Köping), or writes "not
    stated" in every part (Knivsta): each is shown once."""
    text = " ".join("".join(parse(demo / "koping/2024/est/index.html").text).split())
    assert text.count("Utveckla arbetet med Embrace i syfte att öka medvetenheten") == 1
    assert text.count("fortsätta arbetet med att utveckla arbetssätt och metod för samverkan") == 1
    knivsta = " ".join("".join(parse(demo / "knivsta/2024-2025/vald-i-nara-relation/index.html").text).split())
    assert knivsta.count("Källan anger inte: tillvägagångssätt, aktiviteter och eftersträvade effekter.") == 1
    assert "Anges inte i källan." not in knivsta  # okänt is said in words, never pasted
