"""Every internal link and asset reference in the built demo site resolves."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import options

from lofte.build.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://medborgarloften.example.se/"


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) and not (tag == "link" and a.get("rel") in ("canonical", "alternate") and name == "href"
                                    and a[name].startswith("http")):
                self.refs.append(a[name])


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "site"
    import datetime as dt
    build(options(ROOT / "content", out, build_date=dt.date(2026, 11, 22), posters=True, base_url=BASE))
    return out


def parse(path: Path) -> Refs:
    p = Refs()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_every_internal_reference_resolves(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 20
    parsed = {p: parse(p) for p in pages}
    broken = []
    for page, refs in parsed.items():
        rel_page = page.relative_to(demo_site).as_posix()
        page_url = BASE + (rel_page[: -len("index.html")] if rel_page.endswith("index.html") else rel_page)
        for ref in refs.refs:
            url = urljoin(BASE if rel_page == "404.html" and ref.startswith("/") else page_url, ref)
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "tel") or not url.startswith(BASE):
                continue
            path = unquote(parts.path[len(urlsplit(BASE).path):])
            target = demo_site / path
            if path == "" or path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{rel_page}: {ref}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{rel_page}: {ref} (no id '{parts.fragment}')")
    assert broken == []


def test_no_page_references_another_origin_for_resources(demo_site):
    offenders = []
    for page in demo_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//', text):
            if 'rel="canonical"' not in m.group(0) and 'rel="alternate"' not in m.group(0):
                offenders.append(page.relative_to(demo_site).as_posix())
    assert offenders == []
