"""Open data (opendata.py, csvdata.py, catalogue.py): JSON, CSV, the data page and DCAT."""
import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from conftest import SMALL, options
from follow import build_follow
from markupsafe import escape

from lofte.build.pipeline import build
from lofte.content import urls
from lofte.i18n.translate import data_catalogue
from lofte.outputs import csvcell, opendata_csv
from lofte.outputs.dcat import CATALOGUE_FILE, NS
from lofte.outputs.opendata import FIELDS, LICENCES, SITE_FILE

BASE = "https://lofte.example.se/trygghet/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_follow(tmp_path_factory.mktemp("opendata") / "site")


@pytest.fixture(scope="module")
def doc(built):
    return json.loads(built.text(urls.data_file(SITE_FILE)))


def objects(doc):
    """(object name, object) for every object in a JSON document, by its place in the tree."""
    yield "webbplats", doc
    for m in doc["municipalities"]:
        yield "kommun", m
        for p in m["periods"]:
            yield "period", p
            for pr in p["promises"]:
                yield "löfte", pr
                for key, name in (("indicators", "mått"), ("updates", "uppdatering"),
                                  ("changes", "ändring"), ("events", "aktivitet")):
                    for item in pr[key]:
                        yield name, item


def test_every_json_key_is_documented_and_every_documented_key_is_there(doc):
    seen = set()
    for name, obj in objects(doc):
        assert list(obj) == [k for k, _ in FIELDS[name][1]], name
        seen.add(name)
    assert seen == set(FIELDS)


def test_json_matches_the_model(built, doc):
    assert doc["licence"] == "CC-BY-4.0" and doc["as_of"] == "2026-06-15"
    for m, mdoc in zip(built.site.municipalities, doc["municipalities"], strict=True):
        assert mdoc["slug"] == m.slug and mdoc["calendar"] == BASE + urls.calendar(m)
        for p, pdoc in zip(m.periods, mdoc["periods"], strict=True):
            ps = built.facts.periods[p.path]
            assert pdoc["counts"] == dict(ps.counts) and pdoc["overdue"] == ps.overdue
            for pr, prdoc in zip(p.promises, pdoc["promises"], strict=True):
                st = built.facts.promises[pr.path]
                assert prdoc["url"] == BASE + urls.promise(p, pr)
                assert (prdoc["status"], prdoc["verdict"], prdoc["overdue"]) == (st.status, st.verdict, st.overdue)
                assert [u["slug"] for u in prdoc["updates"]] == [u.slug for u in pr.updates]
                assert [a["status"] for a in prdoc["actors"]] == [a.status for a in st.actors]
                for s, idoc in zip(st.indicators, prdoc["indicators"], strict=True):
                    assert idoc["id"] == s.indicator.id and idoc["current"] == s.current
                    assert idoc["goal"] == s.goal and idoc["behind"] == s.behind


def test_numbers_stay_numbers_and_dates_are_iso(doc):
    walks = doc["municipalities"][0]["periods"][0]["promises"][0]
    count, share = walks["indicators"]
    assert count["current"] == 2 and type(count["current"]) is int  # 1 + 1 after the correction
    assert count["target_value"] == 5 and type(count["target_value"]) is int
    assert share["baseline_value"] == 58.5 and share["current"] == 61.5
    assert walks["updates"][-1]["corrected_by"] == "2026-03-25-rattelse"
    assert dt.date.fromisoformat(walks["last_updated"])
    starts = {e["title"]: e["start"] for e in walks["events"]}
    assert starts["Andra trygghetsvandringen"] == "2026-05-20T18:00:00+02:00"
    assert starts["Trygghetsveckan"] == "2026-09-14"
    assert [e["example"] for e in walks["events"]] == [False, True, True, False]
    assert [u["example"] for u in walks["updates"]] == [True, False, False]


def test_each_period_file_is_the_site_file_cut_to_one_period(built, doc):
    for m, mdoc in zip(built.site.municipalities, doc["municipalities"]):
        for p, pdoc in zip(m.periods, mdoc["periods"]):
            part = json.loads(built.text(urls.period_data(p)))
            assert pdoc["data"] == BASE + urls.period_data(p)
            assert part == {**doc, "municipalities": [{**mdoc, "periods": [pdoc]}]}


def read_csv(built, name):
    data = (built.out / urls.data_file(name)).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    assert b"\r\n" in data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_files_have_the_documented_columns_and_one_row_per_record(built, doc):
    counts = {"löfte": 0, "mått": 0, "uppdatering": 0}
    for name, _ in objects(doc):
        if name in counts:
            counts[name] += 1
    for spec in opendata_csv.FILES:
        rows = read_csv(built, spec.name)
        assert list(rows[0]) == [c.name for c in spec.columns]
        assert len(rows) == counts[spec.record]


def test_csv_values_match_the_json(built, doc):
    promises = read_csv(built, "promises.csv")
    walks = promises[0]
    assert (walks["municipality"], walks["period"], walks["promise"]) == ("ankeby", "2026", "vandringar")
    assert walks["actors"] == "kommunen=pågår; polisen=pågår; abostader=pågår"
    assert walks["overdue"] == "false" and walks["verdict"] == ""
    assert walks["summary"] == 'Kommunen, polisen och bostadsbolaget går fem vandringar, "med" de boende.'
    indicators = {(r["promise"], r["indicator"]): r for r in read_csv(built, "indicators.csv")}
    assert indicators[("vandringar", "vandringar")]["current"] == "2"
    assert indicators[("vandringar", "trygga")]["baseline_value"] == "58.5"
    assert indicators[("kontroller", "kontroller")]["goal"] == "24"
    updates = {r["update"]: r for r in read_csv(built, "updates.csv")}
    first = updates["2026-03-18-forsta-vandringen"]
    assert first["progress"] == "vandringar=2" and first["corrected_by"] == "2026-03-25-rattelse"
    assert first["evidence"] == "https://example.org/ankeby/vandring-1.pdf"
    assert updates["2026-05-21-andra-vandringen"]["example"] == "true"


def test_csv_cells_never_start_a_formula(built):
    row = next(r for r in read_csv(built, "promises.csv") if r["promise"] == "kontroller")
    assert row["title"] == """'=HYPERLINK("https://example.org") fler kontroller"""
    assert row["summary"] == "'-1 olycka är en för mycket, @alla: kör lugnt"
    assert row["focus_area"] == "'+ Trafik"
    for spec in opendata_csv.FILES:
        for r in read_csv(built, spec.name):
            assert not any(v.startswith(csvcell.FORMULA_START) for v in r.values())
    assert opendata_csv.cell(-3) == -3, "numbers are never touched"


class Sections(HTMLParser):
    """Names in <code> inside each table, keyed by the heading before the table."""

    def __init__(self):
        super().__init__()
        self.tables, self.heading, self.links = {}, "", []
        self.in_h3 = self.in_code = self.in_table = False

    def handle_starttag(self, tag, attrs):
        self.in_h3 = self.in_h3 or tag == "h3"
        self.in_code = self.in_code or tag == "code"
        self.in_table = self.in_table or tag == "table"
        if tag == "h3":
            self.heading = ""
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        self.in_h3 = self.in_h3 and tag != "h3"
        self.in_code = self.in_code and tag != "code"
        self.in_table = self.in_table and tag != "table"

    def handle_data(self, data):
        if self.in_h3:
            self.heading += data
        elif self.in_code and self.in_table:
            self.tables.setdefault(self.heading, []).append(data)


def test_the_data_page_links_every_file_and_the_editors_page_documents_every_column_and_field(built):
    schema = Sections()
    schema.feed(built.text(urls.output_file(urls.EDITORS)))
    for spec in opendata_csv.FILES:
        assert schema.tables[spec.name] == [c.name for c in spec.columns]
    for name, (_, fields) in FIELDS.items():
        assert schema.tables[f"Objekt: {name}"] == [k for k, _ in fields]
    page = Sections()
    page.feed(built.text("data/index.html"))
    assert "../" + urls.EDITORS + "#csv" in page.links, "the data page points at the description of the files"
    for target in [SITE_FILE, CATALOGUE_FILE] + [f.name for f in opendata_csv.FILES]:
        assert target in page.links
    name, url, _ = LICENCES["CC-BY-4.0"]
    assert url in page.links and name in built.text("data/index.html")
    assert "Ange källan när du använder dem" in built.text("data/index.html")


def test_the_catalogue_describes_every_site_file(built):
    root = ET.fromstring((built.out / urls.data_file(CATALOGUE_FILE)).read_bytes())
    q = lambda name: "{%s}%s" % (NS[name.split(":")[0]], name.split(":")[1])  # noqa: E731
    res = q("rdf:resource")
    (dataset,) = root.findall(q("dcat:Dataset"))
    for required in ("dcterms:title", "dcterms:description", "dcterms:publisher", "dcat:contactPoint",
                     "dcat:theme", "dcat:keyword", "dcat:landingPage"):
        assert dataset.find(q(required)) is not None, required
    assert dataset.find(q("dcat:landingPage")).get(res) == BASE + urls.DATA
    assert dataset.find(f"{q('dcterms:temporal')}/{q('dcterms:PeriodOfTime')}/{q('dcat:startDate')}").text == \
        "2025-01-01"
    linked = {d.get(res) for d in dataset.findall(q("dcat:distribution"))}
    dists = root.findall(q("dcat:Distribution"))
    assert {d.get(q("rdf:about")) for d in dists} == linked
    assert len(dists) == 1 + len(opendata_csv.FILES)
    for d in dists:
        url = d.find(q("dcat:downloadURL")).get(res)
        assert url.startswith(BASE) and (built.out / url[len(BASE):]).is_file()
        assert d.find(q("dcterms:license")).get(res) == LICENCES["CC-BY-4.0"][2]
        assert re.search(r"/file-type/(JSON|CSV)$", d.find(q("dcterms:format")).get(res))
    (publisher,) = root.findall(q("foaf:Agent"))
    assert publisher.find(q("foaf:name")).text == "Ankeby kommun"


def documentation_texts() -> set[str]:
    texts = {what for what, _ in FIELDS.values()} | {d for _, fields in FIELDS.values() for _, d in fields}
    texts |= {name for name, _, _ in LICENCES.values()}
    return texts | {f.description for f in opendata_csv.FILES} | {c.doc for f in opendata_csv.FILES for c in f.columns}


def test_every_documentation_text_has_an_english_entry_and_every_entry_a_text():
    english = data_catalogue("en")
    assert sorted(documentation_texts() - set(english)) == []
    assert sorted(set(english) - documentation_texts()) == []
    assert all(isinstance(v, str) and v.strip() and v not in documentation_texts() for v in english.values())


def test_the_english_data_pages_document_the_data_in_english(tmp_path):
    build(options(SMALL, tmp_path / "site"))  # a site with an English interface
    page = (tmp_path / "site/en/data/index.html").read_text("utf-8")
    page += (tmp_path / "site/en" / urls.output_file(urls.EDITORS)).read_text("utf-8")
    shown = {"CC0 1.0 Universell (fri användning)"}  # the small site's licence; the other is not on the page
    for swedish, english in data_catalogue("en").items():
        if swedish in {name for name, _, _ in LICENCES.values()} - shown:
            continue
        assert escape(english) in page
        assert escape(swedish) not in page, swedish
