"""sitemap.xml and robots.txt (lofte/sitemap.py): absolute URLs that match the built pages."""
import xml.etree.ElementTree as ET

import pytest
from follow import build_follow

from lofte.content import urls
from lofte.outputs import sitemap

BASE = "https://lofte.example.se/trygghet/"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_follow(tmp_path_factory.mktemp("sitemap") / "site")


def test_sitemap_lists_every_indexable_page_with_an_absolute_url(built):
    root = ET.fromstring((built.out / urls.SITEMAP).read_bytes())
    assert root.tag == f"{NS}urlset"
    locs = [loc.text for loc in root.iter(f"{NS}loc")]
    assert all(loc.startswith(BASE) for loc in locs)
    pages = {p.relative_to(built.out).as_posix() for p in built.out.rglob("*.html")}
    expected = {BASE + sitemap.page_path(p) for p in pages
                if p != urls.NOT_FOUND and "/inbaddning/" not in p}
    assert set(locs) == expected and len(locs) == len(expected)
    assert locs == sorted(locs), "a stable order"
    for must in ("", "data/", "ankeby/", "ankeby/2026/", "ankeby/2026/vandringar/", "bergby/2025/uppfoljning/"):
        assert BASE + must in locs


def test_robots_points_at_the_sitemap(built):
    assert (built.out / urls.ROBOTS).read_text() == (
        "User-agent: *\nAllow: /\n\nSitemap: https://lofte.example.se/trygghet/sitemap.xml\n")


def test_only_html_pages_that_may_be_indexed_are_listed():
    files = ["index.html", "a/index.html", "a/atom.xml", "404.html", "en/404.html", "x.html",
             "a/inbaddning/index.html"]
    assert sitemap.listed(files) == ["", "a/", "x.html"]
