"""The whole pipeline on the small fixture: golden output, determinism, safe failure."""
import hashlib
import os
import re
from pathlib import Path

import pytest
from conftest import SMALL, options, write_tree

from lofte.build.pipeline import build
from lofte.build.write import MANIFEST
from lofte.cli import main
from lofte.content.errors import BuildAborted
from lofte.content.languages import swedish_initial

GOLDEN = Path(__file__).parent / "golden" / "small"


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Published files; the build manifest (keys for reuse) is not part of the site's content."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


def test_golden_build(tmp_path):
    """Regenerate with: .venv/bin/python tests/regen_golden.py"""
    out = tmp_path / "site"
    build(options(SMALL, out))
    built, golden = tree_bytes(out), tree_bytes(GOLDEN)
    assert sorted(built) == sorted(golden)
    for path in golden:
        assert built[path] == golden[path], f"{path} differs from the golden copy"


def test_pages_exist_and_urls_mirror_content(tmp_path):
    out = tmp_path / "site"
    build(options(SMALL, out))
    for page in ["index.html", "storby/index.html", "storby/2025/index.html",
                 "storby/2025/trygg-park/index.html", "storby/2025/fler-kontroller/index.html",
                 "status/index.html", "om/index.html", "tillganglighet/index.html", "404.html",
                 "assets/style.css"]:
        assert (out / page).is_file(), page


def test_rebuild_is_byte_identical_and_skips_unchanged_files(tmp_path):
    out = tmp_path / "site"
    build(options(SMALL, out))
    first = tree_bytes(out)
    counts = build(options(SMALL, out))
    assert tree_bytes(out) == first
    assert counts["written"] == 0 and counts["unchanged"] == len(first)


def test_failed_build_leaves_previous_site_untouched(small_content, tmp_path, capsys):
    out = tmp_path / "site"
    build(options(small_content, out))
    before = {p: (hashlib.sha256(b).hexdigest()) for p, b in tree_bytes(out).items()}
    inode = os.stat(out / "index.html").st_ino
    page = small_content / "storby/2025/trygg-park/index.md"
    page.write_text(page.read_text().replace("status: ej påbörjat", "status: klar"))
    with pytest.raises(BuildAborted):
        build(options(small_content, out))
    assert {p: hashlib.sha256(b).hexdigest() for p, b in tree_bytes(out).items()} == before
    assert os.stat(out / "index.html").st_ino == inode
    code = main(["--content", str(small_content), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "trygg-park/index.md:14: status: 'klar' är inte en status" in err
    assert "Traceback" not in err


def test_base_url_with_path_prefix(tmp_path):
    out = tmp_path / "site"
    build(options(SMALL, out, base_url="https://kommun.example.se/trygghet/medborgarloften/"))
    page = (out / "storby/2025/index.html").read_text()
    assert '<link rel="canonical" href="https://kommun.example.se/trygghet/medborgarloften/storby/2025/">' in page
    assert 'href="../../assets/style.css"' in page
    not_found = (out / "404.html").read_text()
    assert 'href="/trygghet/medborgarloften/assets/style.css"' in not_found


def test_output_escapes_untrusted_text(small_content, tmp_path):
    page = small_content / "storby/2025/trygg-park/index.md"
    text = page.read_text().replace("title: Tryggare park", 'title: "<script>alert(1)</script>"')
    text = text.replace("Vi går **trygghetsvandringar**", 'Vi <b onclick="alert(1)">fet</b> <style>body{display:none}</style> <a href="javascript:alert(1)">x</a>')
    page.write_text(text)
    out = tmp_path / "site"
    build(options(small_content, out))
    html = (out / "storby/2025/trygg-park/index.html").read_text()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onclick" not in html and "javascript:" not in html and "display:none" not in html


NAMES = ["Örebro", "Arboga", "Åre", "Ängelholm", "Ystad", "Eda", "Éslöv", "Malmö", "Motala", "Mölndal",
         "Östersund", "Boden", "Borås", "Kalix", "Kil", "Lund", "Umeå", "Vara", "Åstorp", "Ödeshög"]


def test_a_national_start_page_lists_municipalities_in_swedish_order_with_letters_to_jump_to(small_content, tmp_path):
    for i, name in enumerate(NAMES):
        write_tree(small_content, {f"k{i:02}/kommun.yaml": f"name: {name}s kommun\nshort_name: {name}\n"
                                                            f"police_area: Lokalpolisområde {name}\n"})
    build(options(small_content, tmp_path / "site"))
    page = (tmp_path / "site/index.html").read_text("utf-8")
    listed = re.findall(r'<li class="card" id="kommun-([^"]+)">\s*<h3><a href="[^"]+">([^<]+)</a>', page)
    shown = [name.removesuffix("s kommun").removesuffix(" kommun") for _, name in listed]
    assert shown == ["Arboga", "Boden", "Borås", "Eda", "Éslöv", "Kalix", "Kil", "Lund", "Malmö", "Motala",
                     "Mölndal", "Storby", "Umeå", "Vara", "Ystad", "Åre", "Åstorp", "Ängelholm", "Ödeshög",
                     "Örebro", "Östersund"]
    letters = re.findall(r'<li><a href="#kommun-([^"]+)">([^<]+)</a></li>', page)
    assert [letter for _, letter in letters] == ["A", "B", "E", "K", "L", "M", "S", "U", "V", "Y", "Å", "Ä", "Ö"]
    first = {}
    for slug, name in listed:
        first.setdefault(swedish_initial(name), slug)
    assert letters == [(slug, letter) for letter, slug in first.items()]
    assert '<nav aria-label="Kommunerna efter första bokstaven">' in page
    assert '<nav aria-label="Municipalities by first letter">' in (tmp_path / "site/en/index.html").read_text("utf-8")


def test_a_broken_site_template_is_named_with_its_line_and_the_old_site_stays(tmp_path):
    """A site's own templates are edited by hand: every broken one is reported at once, before anything
    is written, also for a small site whose templates would otherwise compile only when first used."""
    import shutil

    from lofte.content.errors import LofteError
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    own = tmp_path / "templates"
    own.mkdir()
    build(options(content))
    before = tree_bytes(tmp_path / "site")
    (own / "_status.html").write_text("<b>{{ s.label }</b>\n", "utf-8")
    (own / "about.html").write_text("ok\n{% for x in y %}\n", "utf-8")
    with pytest.raises(LofteError) as err:
        build(options(content))
    message = str(err.value)
    assert "_status.html, rad 1" in message and "about.html, rad 2" in message and "Traceback" not in message
    assert tree_bytes(tmp_path / "site") == before
