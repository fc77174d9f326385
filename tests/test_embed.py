"""The embeddable period summary (templates/embed.html, lofte/embed.py) and its snippet."""
import base64
import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from follow import build_follow

from lofte.content import statuses, urls
from lofte.outputs import embed

BASE = "https://lofte.example.se/trygghet/"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_follow(tmp_path_factory.mktemp("embed") / "site")


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(text):
    parser = Tags()
    parser.feed(text)
    return parser.tags


def periods(built):
    return [(m, p) for m in built.site.municipalities for p in m.periods]


def test_embed_is_self_contained(built):
    for m, p in periods(built):
        text = built.text(urls.output_file(urls.embed(p)))
        found = tags(text)
        names = {t for t, _ in found}
        assert not names & {"script", "img", "iframe", "object", "embed", "form", "input"}
        assert [a["rel"] for t, a in found if t == "link"] == ["canonical"], "no stylesheet or icon to fetch"
        assert not any("src" in a or "srcset" in a for _, a in found)
        assert not any(k.startswith("on") for _, a in found for k in a), "no inline event handlers"
        assert ("meta", {"name": "robots", "content": "noindex"}) in found
        links = [a for t, a in found if t == "a"]
        assert links and all(a["target"] == "_top" and a["href"].startswith(BASE) for a in links)


def test_the_csp_allows_exactly_the_inline_style(built):
    m, p = periods(built)[0]
    text = built.text(urls.output_file(urls.embed(p)))
    style = re.search(r"<style>(.*?)</style>", text, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    csp = next(a["content"] for t, a in tags(text) if a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none';") and f"style-src 'sha256-{digest}'" in csp


def test_embed_lists_counts_and_every_promise_with_word_and_symbol(built):
    for m, p in periods(built):
        text = built.text(urls.output_file(urls.embed(p)))
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
        ps = built.facts.periods[p.path]
        for key, n in ps.counts:
            s = statuses.BY_KEY[key]
            assert re.search(rf"{re.escape(s.symbol)}\s+{s.text('sv')}\s*:\s*{n}\b", plain), (key, n)
        for pr in p.promises:
            st = built.facts.promises[pr.path]
            s = statuses.BY_KEY[st.verdict or st.status]
            assert f'href="{BASE}{urls.promise(p, pr)}" target="_top"' in text
            assert pr.title in plain and s.text("sv") in plain and s.symbol in plain
    ankeby = built.text("ankeby/2026/inbaddning/index.html")
    assert "1 löfte har inte uppdaterats i tid." in ankeby
    assert "Uppdatering saknas sedan 2 mars 2026." in ankeby


def test_the_editors_page_shows_the_snippet_to_copy_and_the_period_page_links_it(built):
    for m, p in periods(built):
        text = built.text(urls.output_file(urls.EMBED_CODES))
        anchor = urls.embed_code(p).partition("#")[2]
        section = re.search(rf'<h3 id="{anchor}">.*?</p>', text, re.S).group(0)
        code = re.search(r'<pre class="snippet"><code>(.*?)</code></pre>', section, re.S).group(1)
        (iframe,) = [a for t, a in tags(html.unescape(code)) if t == "iframe"]
        assert iframe["src"] == BASE + urls.embed(p)
        assert iframe["title"] == p.title and int(iframe["height"]) > 300
        assert f'href="../../{urls.embed(p)}"' in section, "a preview link"
        period_page = built.text(urls.output_file(urls.period(p)))
        assert "snippet" not in period_page and "&lt;iframe" not in period_page, "residents see no code"
        assert f'href="../../webbredaktorer/kod/#{anchor}"' in period_page


def test_embed_fits_320_pixels_and_makes_no_requests(built):
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (scripts/setup test)")
    from playwright.sync_api import sync_playwright
    url = (built.out / urls.output_file("ankeby/2026/inbaddning/")).as_uri()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 320, "height": 600})
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url)
            assert requests == [url]
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
            color = page.evaluate("getComputedStyle(document.querySelector('.status--active')).borderTopStyle")
            assert color == "solid", "the inline style was applied (not blocked by the CSP)"
        finally:
            browser.close()


def test_the_style_hash_is_the_css_files_and_follows_an_edit(tmp_path):
    css = tmp_path / "_embed.css"
    css.write_text("body{margin:0}", encoding="utf-8")
    first = embed.style(css)
    assert first == {"style": "body{margin:0}", "style_hash": "sha256-" + base64.b64encode(
        hashlib.sha256(b"body{margin:0}").digest()).decode("ascii")}
    css.write_text("body{margin:1px}", encoding="utf-8")  # the dev server must see the edit, not a cached hash
    second = embed.style(css)
    assert second["style"] == "body{margin:1px}" and second["style_hash"] != first["style_hash"]


def test_the_iframe_grows_with_the_number_of_promises():
    assert [embed.iframe_height(n) for n in (0, 1, 6)] == [320, 430, 980]
