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

from lofte.build.pipeline import build, read_site
from lofte.content import statuses, urls
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
    # The pages found by their markup are every period and promise of the content, in every language.
    site = read_site(options(ROOT / "content", build_date=DEMO_DATE))
    wanted = {urls.output_file(urls.localized(path, lang)) for m in site.municipalities for p in m.periods
              for path in [urls.period(p), *(urls.promise(p, pr) for pr in p.promises)] for lang in ("sv", "en")}
    assert wanted <= {f.relative_to(demo).as_posix() for f in periods + promises}
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


# -- summary first (issue 14.1) ------------------------------------------------------------

def main_html(path: Path) -> str:
    html = path.read_text("utf-8")
    return html[html.index("<main"):html.index("</main>")]


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def test_a_promise_summary_answers_before_anything_else(messy):
    """Status, each party's status, progress with both ends of the bar named, where the schedule
    says it should be today, the last report and the next one (late here), then the rest."""
    main = main_html(messy / "aby/2025-2026/vandringar/index.html")
    summary = re.search(r'<dl class="summary">.*?</dl>', main, re.S).group(0)
    assert main.index('<dl class="summary">') < main.index('id="loftet"') < main.index('id="kalla"')
    text = words(summary)
    assert "Status ! Försenat" in text
    assert "Senast rapporterat 19 maj 2026" in text
    assert "Nästa rapport Försenad: skulle ha kommit senast 18 augusti 2026" in text
    assert "3 av 5 tillfällen" in text and 'class="bar__fill"' in summary
    assert re.search(r'<p class="progress__ends"><span>0</span> <span>Mål: 5\u00a0tillfällen</span></p>', summary)
    assert 'class="bar__expected"' in summary and "Enligt tidsplanen: 4 tillfällen vid det här laget" in text
    assert "Vem lovar" in text and text.count("Pågår") == 2 and text.count("Försenat") == 2  # promise + one party
    measure = words(main_html(messy / "aby/2025-2026/trygghet-centrum/index.html"))
    assert "Utgångsläge: 58 procent Mål: 65 procent" in measure and "av målet" not in measure


def test_a_period_page_opens_with_its_summary_line_and_a_list_of_every_promise(messy):
    main = main_html(messy / "aby/2025-2026/index.html")
    answer = main.index('<section class="answer"')
    assert answer < main.index('id="om-perioden"') < main.index('id="syfte"')  # before any prose
    report = re.search(r'<ol class="report">.*?</ol>', main, re.S).group(0)
    assert "6 löften: 2 ej påbörjade, 3 pågår, 1 försenat" in words(main[:main.index("<ol")])
    rows = re.findall(r'<li class="report__row">.*?</li>', report, re.S)
    assert len(rows) == 6 and all('class="report__status"' in r and "status__symbol" in r for r in rows)
    assert sum('class="progress__figure"' in r for r in rows) == 5  # all but the one without a target


def test_an_older_period_page_leads_to_the_period_that_applies_now(messy):
    """A resident who lands on an old period (a search, an old poster's QR code) finds today's promises."""
    old = main_html(messy / "aby/2023-2024/index.html")
    note = re.search(r'<p class="notice">Det här är en äldre löftesperiod.*?</p>', old, re.S).group(0)
    assert 'href="../2025-2026/"' in note and old.index(note) < old.index('<section class="answer"')
    english = main_html(messy / "en/aby/2023-2024/index.html")
    assert "This is an earlier promise period." in english and 'href="../2025-2026/"' in english
    assert "äldre löftesperiod" not in main_html(messy / "aby/2025-2026/index.html")  # the current one says nothing


def test_the_municipality_page_leads_with_its_current_period(messy):
    main = main_html(messy / "aby/index.html")
    answer = re.search(r'<section class="answer".*?</section>', main, re.S).group(0)
    assert main.index(answer) < main.index('id="arkiv"')
    assert 'href="2025-2026/"' in answer and "6 löften: 2 ej påbörjade, 3 pågår, 1 försenat" in words(answer)
    assert answer.count('<li class="report__row">') == 6


def test_the_start_page_gives_the_national_picture_by_status(messy):
    main = main_html(messy / "index.html")
    first = re.search(r'<section class="answer".*?</section>', main, re.S).group(0)
    text = words(first)
    assert main.index(first) < main.index('id="kommuner"')
    assert "8 löften i 2 kommuner" in text
    assert "Löften som gäller nu, i 1 kommun: 2 ej påbörjade, 3 pågår, 1 försenat." in text
    assert "I 1 kommun är den senaste perioden avslutad: 2 utan slutbedömning." in text
    assert '<div id="filter"' in main and '<ul class="cards" id="kommunlista">' in main  # the list works without script


# -- ended periods tell the end (issue 14.2) -------------------------------------------------

ENDED = ["aby/2023-2024", "bro/2022"]


def test_every_page_of_an_ended_period_leads_with_the_end(messy):
    """Period and promise pages of ended periods (Swedish and English): the answer says it ended;
    no running status and no "yet" anywhere but in the dated history of updates."""
    pages = [p for e in ENDED for lang in ("", "en/") for p in sorted((messy / lang / e).rglob("index.html"))
             if p.parent.name not in ("inbaddning", "uppfoljning")]
    assert len(pages) == 2 * (9 + 3)
    for path in pages:
        main = main_html(path)
        english = path.relative_to(messy).parts[0] == "en"
        answer = words(re.search(r'<section class="answer".*?</section>', main, re.S).group(0))
        assert ("Ended" if english else "Avslutad") in answer, path
        outside_history = re.sub(r'<section aria-labelledby="(tidslinje|andringar)">.*?</section>', "", main, flags=re.S)
        running = r"\bIn progress\b|\byet\b" if english else r"\bPågår\b|\bännu\b"
        assert not re.search(running, words(outside_history)), (path, re.findall(f".{{40}}(?:{running}).{{20}}",
                                                                                  words(outside_history)))
    status = words(main_html(messy / "status/index.html"))
    assert "Ingen slutbedömning publicerad" in status


def test_a_municipality_whose_latest_period_ended_says_so(messy):
    main = main_html(messy / "bro/index.html")
    text = words(re.search(r'<section class="answer".*?</section>', main, re.S).group(0))
    assert "Avslutad 31 december 2022" in text and "Pågår" not in text


# -- residents first, editors second (issue 14.7) --------------------------------------------

def test_print_posters_sit_under_the_summary_with_thumbnails_and_how_to_print(demo):
    main = main_html(demo / "exempelby/2026/index.html")
    section = re.search(r'<section class="print-posters".*?</section>', main, re.S).group(0)
    assert main.index('<section class="answer"') < main.index(section) < main.index('id="om-perioden"')
    assert "A4 eller A3 i 100 % storlek" in words(section)
    thumbs = re.findall(r'<img src="([^"]+\.png)" alt=""', section)
    assert len(thumbs) == 2 and all((demo / "exempelby/2026" / t).is_file() for t in thumbs)
    assert "webcal:" not in main and ".ics" not in words(main)  # subscription details live on the editors' page


def test_the_editors_pages_hold_calendars_feeds_and_the_data_schema(demo):
    codes = (demo / "webbredaktorer/kod/index.html").read_text("utf-8")
    for slug in ("koping", "knivsta", "vaggeryd", "exempelby"):
        assert f"https://medborgarloften.example.se/{slug}/" in codes and f"{slug}/" in codes
    assert len(re.findall(r"https://medborgarloften\.example\.se/[a-z]+/[^\s<\"]*\.ics", codes)) >= 4
    editors = words(main_html(demo / "webbredaktorer/index.html"))
    assert "promises.csv" in editors and "Kolumn Betydelse" in editors
