"""The tillgänglighetsredogörelse has every item Digg requires, and every page links to it.

Digg's model statement (and EU implementing decision 2018/1523) asks for: who is
responsible, the compliance status (helt/delvis/inte förenlig), the content that
is not accessible, how to get content in another form and how fast we answer,
how to report problems, the supervisory authority with a link to Digg's report
form, how the site was assessed, and the dates of the assessment and statement.
"""
import posixpath
import re

import pytest
from conftest import options

from lofte.build.pipeline import build

STATUS_SENTENCES = {
    "helt": "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.",
    "delvis": "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service",
    "inte": "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service.",
}


def build_with(content, tmp_path, replace: tuple[str, str] = ("", "")):
    site = content / "site.yaml"
    site.write_text(site.read_text("utf-8").replace(*replace), "utf-8")
    out = tmp_path / "site"
    build(options(content, out))
    return out


@pytest.mark.parametrize("status", ["helt", "delvis", "inte"])
def test_statement_says_the_compliance_status(small_content, tmp_path, status):
    out = build_with(small_content, tmp_path, ("status: delvis", f"status: {status}"))
    page = (out / "tillganglighet/index.html").read_text("utf-8")
    assert STATUS_SENTENCES[status] in page
    assert sum(s.split(" service")[0] in page for s in STATUS_SENTENCES.values()) == 1


def test_statement_has_every_required_item(small_content, tmp_path):
    out = build_with(small_content, tmp_path, ("statement_date: 2025-01-12", "statement_date: 2025-01-12\n  updated: 2025-02-03"))
    page = (out / "tillganglighet/index.html").read_text("utf-8")
    for item in [
        "<h1>Tillgänglighetsredogörelse</h1>",
        "Testkommunen står bakom den här webbplatsen.",
        "<li>Diagram saknar ibland textalternativ.</li>",  # known issues, from site.yaml
        "Om du behöver innehåll från webbplatsen som inte är tillgängligt för dig, kontakta oss",
        '<a href="mailto:webb@example.se">webb@example.se</a>',
        "Vi svarar normalt inom fem arbetsdagar.",
        "<h2>Rapportera brister i webbplatsens tillgänglighet</h2>",
        "<h2>Tillsyn</h2>",
        '<a href="https://www.digg.se/tdosanmalan" hreflang="sv">kontakta Digg och påtala det</a>',
        "EN 301 549", "WCAG 2.1 nivå AA",
        "<p>Egen granskning.</p>",
        "Senaste bedömningen gjordes 10 januari 2025.",
        "Redogörelsen upprättades 12 januari 2025.",
        "Den uppdaterades senast 3 februari 2025.",
    ]:
        assert item in page, item


def test_english_statement_marks_swedish_content(small_content, tmp_path):
    out = build_with(small_content, tmp_path)
    page = (out / "en/tillganglighet/index.html").read_text("utf-8")
    assert "<h1>Accessibility statement</h1>" in page
    assert '<li><span lang="sv">Diagram saknar ibland textalternativ.</span></li>' in page
    assert "This website is partially compliant" in page and "report it to Digg" in page


def test_every_page_links_to_the_statement_in_its_language(small_content, tmp_path):
    out = build_with(small_content, tmp_path)
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        rel = page.relative_to(out).as_posix()
        if "/inbaddning/" in rel:  # the embed snippet for other sites links to its period page instead
            continue
        base = posixpath.dirname(rel)
        targets = {posixpath.normpath(posixpath.join(base, h)) for h in re.findall(r'href="([^"#]+)"', page.read_text("utf-8"))
                   if not h.startswith(("http", "mailto:", "/"))}
        if rel.endswith("404.html"):  # served at any depth, so its links are absolute
            targets = {h.split("/trygghet/lofte/", 1)[-1].rstrip("/") for h in re.findall(r'href="(/[^"#]+)"', page.read_text("utf-8"))}
        expected = "en/tillganglighet" if rel.startswith("en/") else "tillganglighet"
        assert expected in targets, rel
