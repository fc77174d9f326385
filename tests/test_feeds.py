"""Atom feeds (lofte/feeds.py): parsed with feedparser and checked against the model."""
import dataclasses
import datetime as dt
import re
from html.parser import HTMLParser

import feedparser
import pytest
from conftest import edit, options
from follow import BUILD_DATE, build_follow

from lofte.build.pipeline import read_site
from lofte.content import urls
from lofte.content.derived import derive
from lofte.outputs import feeds

BASE = "https://lofte.example.se/trygghet/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_follow(tmp_path_factory.mktemp("feeds") / "site")


def feed_pages(site):
    """(page path, promises under it) for every page that has a feed."""
    out = [(urls.HOME, [(m, p, pr) for m in site.municipalities for p in m.periods for pr in p.promises])]
    for m in site.municipalities:
        out.append((urls.municipality(m), [(m, p, pr) for p in m.periods for pr in p.promises]))
        for p in m.periods:
            out.append((urls.period(p), [(m, p, pr) for pr in p.promises]))
            out.extend((urls.promise(p, pr), [(m, p, pr)]) for pr in p.promises)
    return out


def expected_entries(built, m, p, pr):
    """Entry id → (date, link, example) the model calls for: updates, status changes, a missed update."""
    state = built.facts.promises[pr.path]
    page = BASE + urls.promise(p, pr)
    tag = f"tag:lofte.example.se,{{}}:trygghet/{urls.promise(p, pr)}"
    made_up = m.example or p.example or pr.example
    out = {tag.format(u.date) + u.slug: (u.date, f"{page}#{u.slug}", u.example or made_up) for u in pr.updates}
    for c in state.changes:
        if c.kind != "correction":
            key = "status" if c.kind == "status" else f"status-{c.actor}"
            out[tag.format(c.date) + f"{c.update}/{key}"] = (c.date, f"{page}#andringar", c.example or made_up)
    if state.overdue:
        late = state.next_due + dt.timedelta(days=1)
        out[tag.format(late) + "uppdatering-saknas"] = (late, page, made_up)
    if state.ended:
        day = max((pr.end or p.end) + dt.timedelta(days=1), p.follow_up.date if p.follow_up and p.follow_up.date
                  else dt.date.min)
        out[tag.format(day) + "avslutad"] = (day, page, made_up)
    return out


def parse(built, page_path):
    data = (built.out / urls.feed(page_path)).read_bytes()
    feed = feedparser.parse(data)
    assert not feed.bozo, (page_path, feed.get("bozo_exception"))
    return feed


def test_every_feed_parses_and_matches_the_model(built):
    pages = feed_pages(built.site)
    assert len(pages) == 1 + 2 + 2 + 3
    assert sorted(p.relative_to(built.out).as_posix() for p in built.out.rglob("atom.xml")) == \
        sorted(urls.feed(path) for path, _ in pages)
    for path, promises in pages:
        feed = parse(built, path)
        expected = {}
        for m, p, pr in promises:
            expected.update(expected_entries(built, m, p, pr))
        got = {e.id: e for e in feed.entries}
        assert len(got) == len(feed.entries), "ids are unique within a feed"
        assert set(got) == set(expected), path
        for entry_id, (date, link, example) in expected.items():
            assert got[entry_id].updated == f"{date.isoformat()}T00:00:00Z"
            assert got[entry_id].link == link
            assert got[entry_id].title.startswith("Exempel:") == example, "examples say so in the title"
        dates = [e.updated for e in feed.entries]
        assert dates == sorted(dates, reverse=True), "newest first"
        assert feed.feed.updated == (dates[0] if dates else feed.feed.updated)
        assert feed.feed.id == BASE + path
        links = {(link.rel, link.href) for link in feed.feed.links}
        assert links == {("self", BASE + urls.feed(path)), ("alternate", BASE + path)}


def test_the_demo_promise_has_every_kind_of_entry(built):
    feed = parse(built, "ankeby/2026/vandringar/")
    titles = [e.title for e in feed.entries]
    assert titles == [  # newest first; on the same day ordered by id
        "Exempel: Fem trygghetsvandringar i Ankeby centrum: status för Ankeby Bostäder AB ändrad från Ej påbörjat "
        "till Pågår",
        "Exempel: Andra vandringen (exempel på hur det kan se ut)",
        "Fem trygghetsvandringar i Ankeby centrum: status för Polisen ändrad från Ej påbörjat till Pågår",
        "Fem trygghetsvandringar i Ankeby centrum: status för Ankeby kommun ändrad från Ej påbörjat till Pågår",
        "Fem trygghetsvandringar i Ankeby centrum: status ändrad från Ej påbörjat till Pågår",
        "Rättelse av antalet vandringar",
        "Första vandringen",
    ]
    first = next(e for e in feed.entries if e.title == "Första vandringen")
    html = first.content[0].value
    assert "Den här uppdateringen har rättats" in html
    assert "Ankeby kommun · Medborgarlöften i Ankeby 2026" in html
    assert "Genomförda trygghetsvandringar: 2 vandringar" in html
    assert "<script" not in html, "the sanitised body, never raw HTML from content"
    # xml:base makes relative links in the body resolve to the promise page
    assert 'href="https://lofte.example.se/trygghet/ankeby/2026/vandringar/anteckningar/"' in html


def test_an_ended_promise_says_how_it_ended_in_every_entry(built):
    feed = parse(built, "bergby/2025/belysning/")
    assert feed.entries[0].title == "Bättre belysning: avslutad – hållet"
    assert feed.entries[0].updated == "2026-02-01T00:00:00Z"  # the follow-up's date (after the end)
    for entry in feed.entries:
        html = entry.content[0].value
        assert html.startswith("<p><strong>Avslutad 31 december 2025. Slutbedömning: Hållet.</strong></p>"), html
        assert "Pågår" not in html.split("</strong>")[0]


def test_a_missed_update_shows_in_the_feed(built):
    feed = parse(built, "ankeby/2026/kontroller/")
    (entry,) = feed.entries
    assert entry.title.endswith(": uppdatering saknas")
    assert entry.updated == "2026-03-03T00:00:00Z"  # the day after 60 days from the period start
    assert "2026-03-02" in entry.content[0].value


def test_ids_do_not_depend_on_the_build_date(built, tmp_path):
    later = build_follow(tmp_path / "later", BUILD_DATE + dt.timedelta(days=30))
    before = {e.id for e in parse(built, "").entries if "uppdatering-saknas" not in e.id}
    after = {e.id for e in parse(later, "").entries if "uppdatering-saknas" not in e.id}
    assert before == after
    assert (built.out / "ankeby/2026/vandringar/atom.xml").read_bytes() == \
        (later.out / "ankeby/2026/vandringar/atom.xml").read_bytes()


class Heads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds, self.links = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("type") == "application/atom+xml":
            self.feeds.append(a["href"])
        if tag == "a" and a.get("href", "").endswith("atom.xml"):
            self.links.append(a["href"])


@pytest.mark.parametrize("page", ["", "ankeby/", "ankeby/2026/", "ankeby/2026/vandringar/"])
def test_pages_announce_and_link_their_feed(built, page):
    heads = Heads()
    heads.feed(built.text(urls.output_file(page)))
    own = urls.relative(page, urls.feed(page))
    assert heads.feeds[0] == own, "the page's own feed comes first in the head"
    assert own in heads.links, "and is linked visibly"
    for href in heads.feeds:
        assert (built.out / page / href).resolve().is_file()


def test_feed_is_well_formed_xml_with_atom_namespace(built):
    data = (built.out / "atom.xml").read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')
    assert not re.search(rb"ns\d+:", data)


# -- entries made directly from the small fixture (lofte/outputs/feeds.py) --------------------------

def small_model(content):
    site = read_site(options(content))
    m = site.municipalities[0]
    p = m.periods[0]
    return site, derive(site), m, p, next(pr for pr in p.promises if pr.slug == "trygg-park")


def test_an_entry_escapes_titles_from_content(small_content):
    edit(small_content, "storby/2025/lofte.yaml", "title: Medborgarlöften i Storby 2025",
         "title: 'Löften <script>alert(1)</script> & \"mer\"'")
    site, facts, m, p, pr = small_model(small_content)
    first = next(u for u in pr.updates if u.slug == "2025-03-01-forsta-vandringen")
    e = feeds.update_entry(site, m, p, pr, first, None, facts)
    assert e.html.startswith("<p>Storby kommun · Löften &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mer&quot;"
                             " · Tryggare park</p>")
    assert "<script>" not in e.html
    assert "<p>Ny status: Pågår</p>" in e.html and "<li>Trygghetsvandringar: 1 vandring</li>" in e.html
    # serialised, the HTML is escaped once more as Atom element content
    xml = feeds.entry_xml(e)
    assert "&amp;lt;script&amp;gt;" in xml and "<script" not in xml


def test_a_correction_is_titled_once_and_links_what_it_corrects(small_content):
    site, facts, m, p, pr = small_model(small_content)
    fix = next(u for u in pr.updates if u.corrects)
    e = feeds.update_entry(site, m, p, pr, fix, None, facts)
    assert e.title == "Exempel: Rättelse av antalet vandringar"  # already says so: no "Rättelse: Rättelse …"
    assert ('<p>Rättelse av <a href="#2025-04-01-andra-vandringen">en tidigare uppdatering</a>: '
            "Det var en vandring, inte två.</p>") in e.html
    assert e.id == "tag:example.se,2025-04-10:trygghet/lofte/storby/2025/trygg-park/2025-04-10-rattelse"
    assert e.link == "https://example.se/trygghet/lofte/storby/2025/trygg-park/#2025-04-10-rattelse"
    renamed = feeds.update_entry(site, m, p, pr, dataclasses.replace(fix, title="Antalet vandringar"), None, facts)
    assert renamed.title == "Exempel: Rättelse: Antalet vandringar"


def test_a_missed_update_and_an_end_in_swedish(small_content):
    site, facts, m, p, pr = small_model(small_content)
    e = feeds.overdue_entry(site, m, p, pr, dt.date(2025, 4, 10))
    assert (e.date, e.title) == (dt.date(2025, 4, 11), "Exempel: Tryggare park: uppdatering saknas")
    assert e.id.endswith("storby/2025/trygg-park/uppdatering-saknas")
    assert "skulle löftet ha uppdaterats senast 2025-04-10. Ingen uppdatering är publicerad." in e.html
    assert feeds.ended_words(p, pr, None) == "Avslutad 31 december 2025. Slutbedömning: Ingen slutbedömning publicerad."
    assert feeds.ended_words(p, pr, "hållet") == "Avslutad 31 december 2025. Slutbedömning: Hållet."
    # an empty feed is still dated (by its fallback), and entries come newest first
    empty = feeds.feed_xml(site, "storby/2025/", "T", "S", [], dt.date(2024, 12, 10)).decode()
    assert "<updated>2024-12-10T00:00:00Z</updated>" in empty and "<entry>" not in empty
    assert [x.date for x in feeds.newest_first(feeds.promise_entries(site, facts, m, p, pr))] == sorted(
        (x.date for x in feeds.promise_entries(site, facts, m, p, pr)), reverse=True)
