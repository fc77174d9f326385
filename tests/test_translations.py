"""Content translations and lättläst: own URLs, fallback, language markup, RTL, staleness.

Each test adds translations to a copy of the small fixture and reads the built
pages. Language markup is what WCAG 3.1.1/3.1.2 ask for: the page's language
on <html>, and `lang` (plus `dir` where the direction changes) on every part
in another language, translated or fallen back to Swedish.
"""
from pathlib import Path

import pytest
from conftest import content_errors, options

from lofte.build.pipeline import build

PROMISE = "storby/2025/trygg-park/index.md"
UPDATE = "storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md"
PERIOD = "storby/2025/lofte.yaml"

TRANSLATIONS = """\
revised: 2025-03-01
lattlast: |-
  Polisen och kommunen vill att parken ska vara trygg.
  De går runt i parken tillsammans med invånare.
translations:
  en:
    translated: 2025-02-01
    title: Safer park
    summary: Five safety walks in the park.
  ar:
    translated: 2025-04-01
    official: true
    title: حديقة أكثر أمانًا
"""


def add_front_matter(path: Path, text: str) -> None:
    """Insert YAML lines at the end of a Markdown file's front matter."""
    head, sep, body = path.read_text("utf-8").partition("\n---\n")
    path.write_text(head + "\n" + text.rstrip("\n") + sep + body, encoding="utf-8")


@pytest.fixture
def built(small_content, tmp_path):
    add_front_matter(small_content / PROMISE, TRANSLATIONS)
    add_front_matter(small_content / UPDATE, "translations:\n  en:\n    translated: 2025-03-02\n"
                                             "    title: The first walk\n")
    with (small_content / PERIOD).open("a", encoding="utf-8") as f:
        f.write("translations:\n  fa:\n    translated: 2025-01-05\n    title: تعهدات شهروندی استوربی ۲۰۲۵\n")
    out = tmp_path / "site"
    build(options(small_content, out))
    return lambda rel: (out / rel).read_text("utf-8")


def test_english_page_uses_the_translation_and_marks_swedish_fallbacks(built):
    page = built("en/storby/2025/trygg-park/index.html")
    assert '<html lang="en" dir="ltr">' in page
    assert "<h1>Safer park</h1>" in page
    assert '<p class="lead">Five safety walks in the park.</p>' in page
    assert '<div lang="sv"><p>Vi går <strong>trygghetsvandringar</strong>' in page  # body: not translated
    assert ": The first walk</h3>" in page  # an update's own translation


def test_translation_in_a_language_without_interface_gets_own_page_with_rtl_parts(built):
    page = built("ar/storby/2025/trygg-park/index.html")
    assert '<html lang="sv" dir="ltr">' in page  # the interface stays Swedish
    assert '<h1 lang="ar" dir="rtl">حديقة أكثر أمانًا</h1>' in page
    assert '<p class="lead">Fem trygghetsvandringar i parken.</p>' in page  # Swedish fallback
    # the notices speak the translation's language, though the interface is Swedish
    assert '<div class="translation-note" lang="ar" dir="rtl">' in page
    assert "ترجمة إلى العربية، أُنجزت في" in page and "غير رسمية" not in page
    assert '<p class="notice interface-notice" lang="ar" dir="rtl">القوائم والشروح' in page
    assert "تغيّر النص السويدي" not in page  # translated after the revision


def test_period_translation_gets_its_own_page(built):
    page = built("fa/storby/2025/index.html")
    assert '<h1 lang="fa" dir="rtl">تعهدات شهروندی استوربی ۲۰۲۵</h1>' in page
    assert "ترجمهٔ غیررسمی به فارسی" in page  # the note is in Persian
    assert '<link rel="alternate" hreflang="fa" href="https://example.se/trygghet/lofte/fa/storby/2025/">' in page


def test_period_page_labels_unofficial_translations_of_its_promises(built):
    page = built("en/storby/2025/index.html")
    assert '<a href="trygg-park/">Safer park</a></h3>\n<p class="meta">Unofficial translation</p>' in page
    assert "Unofficial translation</p>" not in built("storby/2025/index.html")


def test_outdated_unofficial_translation_says_so(built):
    page = built("en/storby/2025/trygg-park/index.html")
    assert "Unofficial translation into English" in page
    assert "The Swedish text was changed on 1 March 2025, after the translation." in page
    assert '<a href="../../../../storby/2025/trygg-park/" hreflang="sv">Read the Swedish text</a>' in page


def test_language_switch_names_each_language_in_itself(built):
    page = built("storby/2025/trygg-park/index.html")
    assert '<a href="../../../en/storby/2025/trygg-park/" lang="en" hreflang="en">English</a>' in page
    assert '<a href="../../../ar/storby/2025/trygg-park/" lang="ar" hreflang="ar" dir="rtl">العربية</a>' in page
    assert 'lang="sv" hreflang="sv"' not in page  # no link to the page itself
    other = built("storby/2025/fler-kontroller/index.html")
    assert 'hreflang="ar"' not in other and 'hreflang="en">English</a>' in other


def test_english_pages_link_to_english_pages(built):
    page = built("en/storby/2025/index.html")
    assert 'href="trygg-park/"' in page and 'href="../../status/#status-pågår"' in page
    assert 'href="../../../assets/style.css"' in page  # assets are shared


def test_lattlast_beside_the_standard_text_on_swedish_pages_only(built):
    page = built("storby/2025/trygg-park/index.html")
    assert '<div class="with-lattlast">' in page
    assert '<h2 id="lattlast">Lättläst</h2>' in page
    assert "Polisen och kommunen vill att parken ska vara trygg.\nDe går runt" in page
    assert "Lättläst" not in built("en/storby/2025/trygg-park/index.html")


def test_translation_errors_name_the_field(small_content):
    add_front_matter(small_content / PROMISE, "translations:\n  xx:\n    translated: 2025-02-01\n"
                                              "  en:\n    titel: Safer park\n")
    errors = content_errors(small_content)
    assert any("translations.xx: 'xx' är inget språk att översätta till" in e for e in errors), errors
    assert any("translations.en.translated: saknas" in e for e in errors), errors
    assert any("translations.en.titel: okänt fält" in e for e in errors), errors


def test_site_languages_must_have_an_interface(small_content):
    site = small_content / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("languages: [sv, en]", "languages: [sv, ar]"), "utf-8")
    assert any("languages (andra språket): 'ar' är inget språk som webbplatsen finns på" in e
               for e in content_errors(small_content))
