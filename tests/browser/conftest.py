"""Browser tests: the demo site, built once, served on localhost, driven in Chromium.

Debian's Chromium is driven by Playwright's bundled driver; Playwright never
downloads a browser here (`scripts/setup test` installs the Debian package and
axe-core). One browser serves the whole package; each test module opens the
pages it needs, so the suite stays quick on a two-core machine. The fixtures
are package-scoped so that Playwright's event loop is gone before other test
modules (which may start their own Playwright or asyncio loop) run.
"""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from pathlib import Path

import pytest

from lofte.build.pipeline import Options, build

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache/npm/node_modules/axe-core/axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUILD_DATE = dt.date(2026, 11, 22)

# One page of each kind, in Swedish, English and a right-to-left translation.
PAGE_TYPES = ["", "koping/", "koping/2024/", "koping/2024/est/", "knivsta/2024-2025/uppfoljning/",
              "status/", "om/", "tillganglighet/", "webbredaktorer/", "webbredaktorer/kod/", "404.html"]
PAGE_TYPES += ["en/" + p for p in PAGE_TYPES] + ["ar/koping/2024/est/"]


def require(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing: run scripts/setup test", pytrace=False)


@pytest.fixture(scope="package")
def site_dir(tmp_path_factory) -> Path:
    """The demo content in content/, built without posters (pages only)."""
    out = tmp_path_factory.mktemp("browser") / "site"
    build(Options(content_dir=ROOT / "content", out_dir=out, build_date=BUILD_DATE, posters=False,
                  jobs=1, cache_dir=out.parent / ".cache", display_root="content"))
    return out


@pytest.fixture(scope="package")
def html_pages(site_dir) -> list[str]:
    """URL path of every generated HTML page ("" is the start page)."""
    paths = []
    for f in sorted(site_dir.rglob("*.html")):
        rel = f.relative_to(site_dir).as_posix()
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return paths


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="package")
def server(site_dir):
    """Base URL of the built site, served from a thread on a free port."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="package")
def playwright():
    """The one Playwright driver of the run: a second sync_playwright() in the same
    process fails ("Sync API inside the asyncio loop"), so browsers with other
    arguments are launched from this one."""
    require(CHROMIUM)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="package")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield b
    b.close()


@pytest.fixture(scope="module")
def page(browser):
    """A phone-free default page (1280×800), shared by the tests of one module."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()
