"""Issue 19's "Done when", on content with every trait of real sources (tests/fixtures/archive):
an undated newer period, overlapping periods, a period whose source lists no promises, a
follow-up without verdict, a daily frequency, two disagreeing sources, an unknown police
area and responsible unit. Built once; every check reads what a resident, a feed reader
or a data user gets."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from conftest import FIXTURES, json_strings, options

from lofte.build.pipeline import build, read_site
from lofte.cli import main
from lofte.content.derived import derive
from lofte.outputs.posters import data as poster_data

ARCHIVE = FIXTURES / "archive"
DAY = dt.date(2026, 12, 5)
GUIDE = Path(__file__).resolve().parent.parent / "docs" / "innehall.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    build(options(ARCHIVE, root / "site", build_date=DAY, cache_dir=root / "cache"))
    return root / "site"


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    s = read_site(options(ARCHIVE, build_date=DAY, cache_dir=tmp_path_factory.mktemp("cache")))
    return s, derive(s)


class Reading(HTMLParser):
    """The visible text of <main> as headings and the text after each, in order."""

    BLOCK = {"p", "li", "dt", "dd", "tr", "div", "section", "br", "summary", "td", "th", "figcaption"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[int, str]] = []  # (heading level, or 0 for text; text)
        self.heading = 0
        self.main = self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.main += 1
        elif tag in ("script", "style"):
            self.skip += 1
        elif self.main and re.fullmatch(r"h[1-6]", tag):
            self.heading = int(tag[1])
            self.parts.append((self.heading, ""))
        elif self.main and tag in ("img", "svg"):
            self.parts.append((0, "[bild]"))
        elif self.main and tag in self.BLOCK:
            self.parts.append((0, "\n"))

    def handle_endtag(self, tag):
        if tag == "main":
            self.main -= 1
        elif tag in ("script", "style"):
            self.skip -= 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.heading = 0

    def handle_data(self, data):
        if not self.main or self.skip:
            return
        if self.heading:
            level, text = self.parts[-1]
            self.parts[-1] = (level, text + data)
        else:
            self.parts.append((0, data))

    def text(self) -> str:
        out = "".join(f"\n{t}\n" if level else t for level, t in self.parts)
        return "\n".join(" ".join(line.split()) for line in out.splitlines() if line.strip())

    def sections(self) -> list[tuple[str, str]]:
        """(heading, the text under it before the next heading of the same or a higher level)."""
        out = []
        for i, (level, title) in enumerate(self.parts):
            if not level:
                continue
            body = []
            for other, text in self.parts[i + 1:]:
                if other and other <= level:
                    break
                body.append(text)
            out.append((" ".join(title.split()), " ".join("".join(body).split())))
        return out


def read(path: Path) -> Reading:
    page = Reading()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.split("/")[-2:-1] != ["inbaddning"] and not rel.startswith(("webbredaktorer", "en/webbredaktorer")):
            yield rel, read(path)


PASTED = re.compile(r"Anges inte i källan|anges inte i källan\.\.|[^.]\.\.(?!\.)| \.|\bokänt\b|\bNone\b(?! of)|Unknown\(",
                    re.IGNORECASE)


def placeholders(text: str) -> list[str]:
    """Placeholders pasted into sentences: "polisen i Anges inte i källan.." and the like."""
    found = []
    for m in PASTED.finditer(text):
        found.append(text[max(0, m.start() - 40):m.end() + 20])
    return [f for f in found if "anges inte i källan." not in f.lower() or ".." in f or "Anges" in f]


def test_no_sentence_has_a_pasted_placeholder(site):
    for rel, page in pages(site):
        assert placeholders(page.text()) == [], rel
    for feed in sorted(site.rglob("atom.xml")):
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, feed
        for entry in parsed.entries:
            text = re.sub(r"<[^>]+>", " ", f"{entry.title} {entry.summary}")
            assert placeholders(text) == [], (feed, entry.title)


def test_open_data_writes_null_and_the_note(site):
    data = json.loads((site / "data" / "medborgarloften.json").read_text(encoding="utf-8"))
    assert not [s for s in json_strings(data) if s.casefold() in ("okänt", "anges inte i källan.")]
    dalby = next(m for m in data["municipalities"] if m["slug"] == "dalby")
    assert (dalby["police_area"], dalby["unknown"]) == (None, {"police_area": "Källan nämner inget lokalpolisområde."})
    undated = next(p for p in dalby["periods"] if p["slug"] == "2023-2024")
    assert (undated["start"], undated["end"], undated["ended"]) == (None, None, False)
    assert undated["unknown"]["end"] == "Källan säger bara att löftet gäller 2023–2024."
    police = undated["promises"][0]["actors"][0]
    assert (police["responsible"], police["unknown"]) == (None, {"responsible": "Källan namnger ingen enhet hos polisen."})
    daily = undated["promises"][0]["indicators"][0]
    assert (daily["frequency"], daily["target_value"], daily["goal"], daily["expected"], daily["current"]) == (
        "day", 1, None, None, 40)  # the rate, no invented total
    ekeby = next(m for m in data["municipalities"] if m["slug"] == "ekeby")
    walks = next(p for p in ekeby["periods"] if p["slug"] == "2025-2027")["promises"][0]
    assert [(s["title"], s["date"], s["note"]) for s in walks["sources"]] == [
        ("Exempel: Medborgarlöften i Ekeby 2025–2027", "2024-12-10", "Lovar fyra trygghetsvandringar."),
        ("Exempel: Ekebys lokala trygghetsplan", "2025-02-01",
         "Säger fem trygghetsvandringar. Här gäller löftesdokumentets fyra.")]
    assert walks["source"] == walks["sources"][0]  # the first, for readers of the one-source field
    with open(site / "data" / "indicators.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {(r["municipality"], r["indicator"]): r for r in csv.DictReader(handle)}
    assert (rows["dalby", "narvaro"]["goal"], rows["dalby", "narvaro"]["unknown"]) == ("", "target_date")
    assert (rows["ekeby", "vardagar"]["frequency"], rows["ekeby", "vardagar"]["goal"]) == ("weekday", "261")


LEADS = {  # what each municipality page leads with, newest first
    "dalby": ["Senaste löftena: Exempel: Medborgarlöfte Dalby 2023–2024"],
    "ekeby": ["Aktuella löften: Exempel: Medborgarlöfte för Ekeby centrum 2026",
              "Aktuella löften: Exempel: Medborgarlöften i hela Ekeby 2025–2027"],
    "fjallby": ["Aktuella löften: Exempel: Medborgarlöften i Fjällby 2025–2027"],
}


@pytest.mark.parametrize("slug", LEADS)
def test_every_municipality_leads_with_its_newest_period(site, slug):
    headings = [h for h, _ in read(site / slug / "index.html").sections()]
    assert [h for h in headings if h.startswith(("Aktuella löften", "Senaste löftena"))] == LEADS[slug]
    assert "Det finns inga nyare löften publicerade här." not in read(site / slug / "index.html").text()


def test_the_start_page_names_each_municipality_s_newest_periods(site):
    text = read(site / "index.html").text()
    assert ("4 löften i 3 kommuner\nLöften som gäller nu, i 1 kommun: 3 pågår.\n"
            "I 1 kommun anger källan inte när de senaste löftena gäller: 1 pågår.\n") in text
    cards = text.split("Hitta din kommun", 1)[1]
    order = [m for m in re.findall(r"Exempel: Medborgarlöften? [^\n]*", cards)]
    assert order == ["Exempel: Medborgarlöfte Dalby 2023–2024", "Exempel: Medborgarlöfte för Ekeby centrum 2026",
                     "Exempel: Medborgarlöften i hela Ekeby 2025–2027", "Exempel: Medborgarlöften i Fjällby 2025–2027"]
    assert "Lokalpolisområdet anges inte i källan. Källan nämner inget lokalpolisområde." in cards
    english = read(site / "en" / "index.html").text()
    assert ("Promises in force now, in 1 municipality: 3 in progress.\n"
            "In 1 municipality the source does not say when the latest promises apply: 1 in progress.") in english


def test_no_section_is_empty(site):
    for rel, page in pages(site):
        empty = [heading for heading, body in page.sections() if not body]
        assert empty == [], rel


def test_a_period_whose_source_lists_no_promises_says_so(site, model):
    text = read(site / "fjallby" / "2025-2027" / "index.html").text()
    assert ("Så går det\nKällan listar inte periodens löften.\n"
            "Sidan säger att kommunen och polisen har tecknat medborgarlöften, men inte vilka.") in text
    assert "Löftena\n" not in text
    s, facts = model
    m = next(m for m in s.municipalities if m.slug == "fjallby")
    poster = poster_data.poster(s, m, m.periods[-1], facts, ARCHIVE)
    assert (poster.items, poster.counts, poster.result_note) == ((), (), "Källan listar inte periodens löften.")
    partial = read(site / "fjallby" / "2021-2022" / "index.html").text()
    assert "Källan listar inte alla löften i perioden. Källan nämner fyra löften men beskriver bara två." in partial


NO_VERDICT = ["dalby/2017/belysning", "fjallby/2021-2022/ungas-fritid", "fjallby/2021-2022/nattvandring"]


@pytest.mark.parametrize("rel", NO_VERDICT)
def test_a_follow_up_without_verdict_reads_the_same_everywhere(site, model, rel):
    period_rel, slug = rel.rsplit("/", 1)
    page = read(site / rel / "index.html").text()
    assert "Slutbedömning\n? Ingen slutbedömning publicerad\nUppföljningen ger ingen slutbedömning av det här löftet." in page
    card = read(site / period_rel / "index.html").text()
    title = re.search(r"title: \"?([^\n\"]+)", (ARCHIVE / rel / "index.md").read_text(encoding="utf-8"))[1]
    assert re.search(re.escape(title) + r"\n\? Ingen slutbedömning publicerad( |\n)", card)
    assert f"{title}\n? Ingen slutbedömning publicerad" in read(site / period_rel / "inbaddning" / "index.html").text()
    follow_up = read(site / period_rel / "uppfoljning" / "index.html").text()
    assert f"{title}\n? Ingen slutbedömning publicerad" in follow_up
    [entry] = [e for e in feedparser.parse((site / rel / "atom.xml").read_bytes()).entries if "avslutad" in e.title]
    assert entry.title == f"{title}: avslutad – ingen slutbedömning publicerad"
    assert "Slutbedömning: Ingen slutbedömning publicerad." in entry.summary
    s, facts = model
    m = next(m for m in s.municipalities if m.slug == rel.split("/")[0])
    period = next(p for p in m.periods if p.path.startswith(period_rel + "/"))
    poster = poster_data.poster(s, m, period, facts, ARCHIVE)
    [row] = [i for i in poster.items if i.title == title]
    assert row.mark == poster_data.Mark("?", "Ingen slutbedömning")  # the short form fits a poster's row
    for text in (page, card, follow_up):
        assert "Inte rapporterat\n" not in text and "Ingen uppgift" not in text


def test_what_was_last_reported_agrees_on_card_page_and_poster(site, model):
    """Nattvandringar was published as "pågår" and never updated: that is what was last reported."""
    card = read(site / "fjallby" / "2021-2022" / "index.html").text()
    assert "Exempel: Nattvandringar på helgerna\n? Ingen slutbedömning publicerad Senast rapporterat: Pågick, inte klart" in card
    page = read(site / "fjallby" / "2021-2022" / "nattvandring" / "index.html").text()
    assert ("Uppföljningen ger ingen slutbedömning av det här löftet. Senast rapporterat läge: Pågick, inte klart.\n"
            "Senast rapporterat\nInga uppdateringar under perioden") in page
    s, facts = model
    m = next(m for m in s.municipalities if m.slug == "fjallby")
    poster = poster_data.poster(s, m, m.periods[0], facts, ARCHIVE)
    assert [(i.title, i.latest) for i in poster.items] == [
        ("Exempel: Fler fritidsaktiviteter för unga", "Ingen rapport om arbetet publicerades"),
        ("Exempel: Nattvandringar på helgerna", "Senast rapporterat: Pågick, inte klart")]
    quiet = read(site / "fjallby" / "2021-2022" / "ungas-fritid" / "index.html").text()
    assert "Uppföljningen ger ingen slutbedömning av det här löftet. Inget rapporterades under perioden." in quiet


def test_a_daily_frequency_without_dates_shows_the_rate(site):
    page = read(site / "dalby" / "2023-2024" / "polis-i-centrum" / "index.html").text()
    assert "Mål: varje dag. När målet ska vara nått anges inte i källan." in page
    assert "Dagar med polis i centrum\n40 dagar exempel (1 juni 2023)" in page and "totalt" not in page
    weekday = read(site / "ekeby" / "centrum-2026" / "vardagsnarvaro" / "index.html").text()
    assert "Mål: varje vardag (totalt 261 dagar)" in weekday
    assert "200 av 261 dagar exempel" in weekday
    english = read(site / "en" / "dalby" / "2023-2024" / "polis-i-centrum" / "index.html").text()
    assert "Target: every day. The source does not say when the target is to be reached." in english


def test_two_disagreeing_sources_are_listed_with_their_notes(site):
    page = read(site / "ekeby" / "2025-2027" / "trygghetsvandringar" / "index.html")
    [(_, sources)] = [(h, b) for h, b in page.sections() if h == "Källor"]
    assert sources == ("Exempel: Medborgarlöften i Ekeby 2025–2027, 10 december 2024. Lovar fyra trygghetsvandringar. "
                       "Exempel: Ekebys lokala trygghetsplan (KS 2025/12), 1 februari 2025. Säger fem "
                       "trygghetsvandringar. Här gäller löftesdokumentets fyra.")
    assert "Mål: 4 trygghetsvandringar\nLöftesdokumentet säger fyra; trygghetsplanen säger fem." in page.text()


def test_unknown_police_area_and_responsible_unit_are_said_in_sentences(site):
    dalby = read(site / "dalby" / "index.html").text()
    assert ("Löftena ges av Dalby kommun (påhittad) och polisen. Lokalpolisområdet anges inte i källan. "
            "Källan nämner inget lokalpolisområde.") in dalby
    page = read(site / "dalby" / "2023-2024" / "polis-i-centrum" / "index.html").text()
    assert "Polisen:\n◐ Pågår Ansvarig enhet anges inte i källan. Källan namnger ingen enhet hos polisen." in page
    english = read(site / "en" / "dalby" / "index.html").text()
    assert "The promises are made by Dalby kommun (påhittad) and the police. The source does not name the local police area." in english


def test_what_the_guide_says_pages_say_is_what_they_say(site):
    """docs/innehall.md, Okänt: the sentences in its table are the pages' own."""
    guide = GUIDE.read_text(encoding="utf-8")
    table = guide[guide.index("Fält som kan vara `okänt`:"):guide.index("Ett exempel ur en period")]
    said = [line.rstrip(" |").rsplit("| ", 1)[1] for line in table.splitlines() if line.startswith("| `")]
    built = "\n".join(page.text() for _, page in pages(site))
    assert len(said) == 11 and [s for s in said if s not in built] == []


def test_check_strict_passes_once_unknowns_are_marked(capsys, tmp_path):
    """Only the example addresses in site.yaml remain, acknowledged there: they are made up."""
    assert main(["check", "--strict", "--content", str(ARCHIVE), "--cache-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": kvitterat råd ")[1].split(":")[0] for line in out[:-1]] == ["[exempeladress]"] * 3
    assert out[-1] == "Inga fel och inga råd utom 3 kvitterade råd."


def test_a_running_promise_without_an_end_date_says_when_it_was_last_reported(site):
    """An undated period has no end to read "Pågår" against: its list says how old the
    status is, on the municipality and the period page, in Swedish and English. A dated
    running period's list does not (its schedule says when a report is due)."""
    for rel, words in (("dalby/", r"Pågår (exempel )?senast rapporterat 1 juni 2023"),
                       ("dalby/2023-2024/", r"Pågår (exempel )?senast rapporterat 1 juni 2023"),
                       ("en/dalby/2023-2024/", r"In progress (example )?last reported 1 June 2023")):
        assert re.search(words, " ".join(read(site / rel / "index.html").text().split())), rel
    assert "senast rapporterat" not in read(site / "ekeby/2025-2027/index.html").text()
