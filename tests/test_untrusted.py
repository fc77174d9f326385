"""Hostile text in content ends up inert in every output: pages, feeds, data, calendar."""
import csv
import io
import json
from xml.etree import ElementTree

import feedparser
import icalendar
from conftest import options

from lofte.build.pipeline import build

EVIL_TITLE = '<script>alert("t")</script>=HYPERLINK("http://evil")'
EVIL_BODY = ('<img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a> '
             '<style>body{display:none}</style> [y](data:text/html;base64,PHNjcmlwdD4=)')


def make_evil(content):
    page = content / "storby/2025/trygg-park/index.md"
    text = page.read_text().replace("title: Tryggare park", f"title: '{EVIL_TITLE}'")
    text = text.replace("Vi går **trygghetsvandringar** i parken.", "Vi går i parken.")
    page.write_text(text)
    update = content / "storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md"
    text = update.read_text().replace("title: Första vandringen", "title: '@SUM(A1:A9)'")
    text = text.replace("Tjugo personer kom.", "Tjugo <b onclick=x>personer</b> kom. " + EVIL_BODY.replace("<img src=x onerror=alert(1)> ", ""))
    text = text.replace("example: true\n", "example: true\nevents:\n  - title: \"Möte\\nBEGIN:VEVENT\\nSUMMARY:fake\"\n"
                        "    start: 2025-07-01 18:00\n    location: '=cmd|calc'\n")
    update.write_text(text)


def test_hostile_text_is_inert_everywhere(small_content, tmp_path):
    make_evil(small_content)
    out = tmp_path / "site"
    build(options(small_content, out))
    for page in out.rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html and "onclick" not in html and "onerror" not in html, page
        assert "javascript:" not in html and "data:text/html" not in html, page
        assert "<style>body" not in html, page
    feed = feedparser.parse((out / "storby/2025/trygg-park/atom.xml").read_bytes())
    assert not feed.bozo
    assert any(e.title.startswith("Exempel: @SUM") for e in feed.entries)
    for e in feed.entries:
        assert "<script" not in e.get("summary", "") and "onclick" not in e.get("summary", "")
    data = json.loads((out / "data/medborgarloften.json").read_text())
    titles = [pr["title"] for pr in data["municipalities"][0]["periods"][0]["promises"]]
    assert EVIL_TITLE in titles  # data stays data: exact, for programs to escape themselves
    for name in ("promises.csv", "updates.csv"):
        rows = list(csv.reader(io.StringIO((out / "data" / name).read_text("utf-8-sig"))))
        cells = [c for row in rows[1:] for c in row]
        assert not any(c[:1] in ("=", "+", "-", "@") and not c[1:2].isdigit() for c in cells if c), name
    for xml in [*out.rglob("*.xml"), *out.rglob("*.rdf")]:
        ElementTree.parse(xml)  # a real XML parser: malformed XML raises
    calendar = icalendar.Calendar.from_ical((out / "storby/kalender.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1 and str(events[0]["SUMMARY"]).startswith("Exempel: Möte")
    assert "BEGIN:VEVENT\r\nSUMMARY:fake" not in (out / "storby/kalender.ics").read_text()
    assert "\nBEGIN:VEVENT\nSUMMARY:fake" not in (out / "storby/kalender.ics").read_text()
