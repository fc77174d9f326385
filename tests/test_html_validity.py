"""Every page of the demo site is valid HTML (Nu Html Checker) with the right `lang`.

vnu.jar comes from npm's vnu-jar package (`scripts/setup test`) and runs on the
machine's Java. Pages are checked as files, where `'self'` in the pages'
Content-Security-Policy has no origin to match, so vnu's CSP notes are left out
here; the browser tests check the policy where it applies (tests/browser).
"""
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lofte.build.pipeline import Options, build

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".cache/npm/node_modules/vnu-jar/build/dist/vnu.jar"
FILE_ORIGIN_NOTE = "Content Security Policy"


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("valid") / "site"
    build(Options(content_dir=ROOT / "content", out_dir=out, build_date=dt.date(2026, 11, 22), posters=False,
                  jobs=1, cache_dir=out.parent / ".cache", display_root="content"))
    return out


@pytest.fixture(scope="module")
def messages(demo_site, tmp_path_factory) -> list[dict]:
    """vnu's messages for every page, plus a known-bad page that proves the check works."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar or java is missing: run scripts/setup test", pytrace=False)
    bad = tmp_path_factory.mktemp("bad") / "bad.html"
    bad.write_text('<!doctype html><title>x</title><p id="a">1</p><p id="a">2</p>')
    run = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(demo_site), str(bad)],
                         capture_output=True, text=True, timeout=300)
    return json.loads(run.stderr or run.stdout)["messages"]


def test_checker_reports_invalid_html(messages):
    """The harness works: a duplicate id and a missing lang are reported."""
    text = " ".join(m["message"] for m in messages if m.get("url", "").endswith("/bad.html"))
    assert "Duplicate ID" in text and "lang" in text


def test_every_page_is_valid_html(demo_site, messages):
    problems = [f"{m['url'].split(str(demo_site))[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}"
                for m in messages if str(demo_site) in m.get("url", "") and FILE_ORIGIN_NOTE not in m["message"]]
    assert not problems, "\n".join(problems)


def test_each_page_declares_its_language(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        rel = page.relative_to(demo_site).as_posix()
        lang = re.search(r'<html lang="([a-z]+)" dir="(ltr|rtl)">', page.read_text("utf-8"))
        assert lang, rel
        assert lang[1] == ("en" if rel.startswith("en/") else "sv"), rel
