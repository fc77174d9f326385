"""The browser editor end to end: `serve --cms` on a temporary git repository, driven in Chromium.

A communicator opens /admin/, adds a progress update and a promise through the
forms and saves; the files land where the build expects them, `check` passes,
the live preview shows the update at once, and the next build's promise page
shows it with its status and progress. Every request the editor makes stays
on the site's own origin, and the editor's policy blocks nothing it needs.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from lofte.content.yamlsource import parse_yaml, split_front_matter

from .conftest import AXE, ROOT, QuietHandler, require
from .test_axe import violations

PROMISE = "exempelby/2026/trygghetsvandringar"
UPDATE = f"content/{PROMISE}/updates/2026-11-20-femte-trygghetsvandringen-tolv-deltagare.md"
NEW_PROMISE = "content/exempelby/2026/exempel-belysning-pa-tre-gangvagar/index.md"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A temporary git repository holding a copy of the demo content."""
    root = tmp_path_factory.mktemp("cms") / "repo"
    shutil.copytree(ROOT / "content", root / "content")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", "demo"], cwd=root, check=True)
    return root


@pytest.fixture(scope="module")
def editor(repo):
    """`build.py serve --cms` on the repository; yields its address."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "build.py", "serve", "--cms", "--content", str(repo / "content"),
                             "--out", str(repo.parent / "site"), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(base, timeout=2).close()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read())
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(20)


def recording(context):
    """A new page that collects every request it makes and every console message."""
    page = context.new_page()
    requests, console = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(m.text))
    return page, requests, console


@pytest.fixture
def session(browser, editor):
    """A logged-in editor page; collects every request and console message."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page, requests, console = recording(context)
    page.goto(editor + "admin/")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Samlingar").wait_for()
    yield page, requests, console
    context.close()


def choose(page, label: str, text: str) -> None:
    """Pick in a Decap select (react-select): type, then Enter."""
    page.get_by_label(label, exact=True).fill(text)
    page.keyboard.press("Enter")


def publish(page) -> None:
    page.get_by_role("button", name="Publicera", exact=True).click()
    page.get_by_text("Publicera nu").click()
    page.get_by_text("Inlägg sparat").wait_for()


def front_matter(path: Path) -> dict:
    yaml_text, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    data = parse_yaml(yaml_text)
    return {**{k: v for k, v in data.items()}, "body": body.strip()}


def plain(value):
    """LineDict/LineList as plain dicts and lists, for comparing."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def fill_new_promise(page, editor: str, title: str, actor: str, source: str, text: str) -> None:
    """The promise form, with what every promise needs."""
    page.goto(editor + "admin/#/collections/loften-exempelby-2026/new")
    page.get_by_label("Rubrik", exact=True).fill(title)
    page.get_by_role("button", name="Lägg till aktör").click()
    choose(page, "Aktör", actor)
    choose(page, "Status", "Ej påbörjat")
    choose(page, "Status när löftet publiceras", "Ej påbörjat")
    page.get_by_role("button", name="Lägg till källa").click()  # `sources`: a list since issue 19
    page.get_by_label("Dokumentets titel", exact=True).fill(source)
    page.locator("[data-slate-editor]").last.click()
    page.keyboard.type(text)


def checked_and_built(repo: Path, out: Path) -> Path:
    """`check` passes on the repository's content, and it builds; returns the site."""
    checked = run("check", "--content", str(repo / "content"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert run("--content", str(repo / "content"), "--out", str(out), "--no-posters").returncode == 0
    return out


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", *args], cwd=ROOT, capture_output=True, text=True)


def only_own_origin(requests: list[str], base: str) -> None:
    elsewhere = [u for u in requests if not u.startswith(base) and not u.startswith(("data:", "blob:"))]
    assert not elsewhere, elsewhere


def nothing_blocked(console: list[str]) -> None:
    blocked = [m for m in console if "Content Security Policy" in m or "Refused to" in m]
    assert not blocked, blocked


def test_a_progress_update_through_the_form(session, editor, repo, browser, tmp_path):
    page, requests, console = session
    preview = browser.new_page()
    preview.goto(editor + PROMISE + "/")
    page.goto(editor + "admin/#/collections/uppdateringar-exempelby-2026-trygghetsvandringar/new")
    page.get_by_label("Rubrik", exact=True).fill("Femte trygghetsvandringen: tolv deltagare")
    page.get_by_label("Datum (frivillig)", exact=True).fill("2026-11-20")
    choose(page, "Ny status för löftet (frivillig)", "Pågår")
    page.get_by_role("button", name="Lägg till siffra").click()
    choose(page, "Mål", "Genomförda trygghetsvandringar")
    page.get_by_label("Värde", exact=True).fill("1")
    page.locator("[data-slate-editor]").click()
    page.keyboard.type("Tolv boende gick med på den femte vandringen.")
    # The preview shows it in the site's own style, as it will read.
    frame = page.frame_locator("iframe").first
    assert " ".join(frame.locator("article.update .status--active").text_content().split()) == "◐ Pågår"
    publish(page)

    saved = repo / UPDATE
    assert plain(front_matter(saved)) == {
        "title": "Femte trygghetsvandringen: tolv deltagare", "date": "2026-11-20", "status": "pågår",
        "progress": [{"indicator": "vandringar", "value": 1}],
        "body": "Tolv boende gick med på den femte vandringen."}
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    assert f"?? {UPDATE}" in status.splitlines()
    # The live preview rebuilt and reloaded by itself.
    preview.get_by_text("Femte trygghetsvandringen: tolv deltagare").first.wait_for(timeout=30_000)
    preview.close()

    out = checked_and_built(repo, tmp_path / "site")
    page_html = (out / PROMISE / "index.html").read_text(encoding="utf-8")
    article = page_html.split('id="2026-11-20-femte-trygghetsvandringen-tolv-deltagare-rubrik"', 1)[1]
    article = article.split("</article>", 1)[0]
    assert "Femte trygghetsvandringen: tolv deltagare" in article
    assert "Ny status" in article and "status--active" in article and "Pågår" in article
    assert "Genomförda trygghetsvandringar: 1" in article
    only_own_origin(requests, editor)
    nothing_blocked(console)


def test_a_new_promise_through_the_form(session, editor, repo, tmp_path):
    page, requests, console = session
    fill_new_promise(page, editor, "Exempel: belysning på tre gångvägar", "Exempelby kommun (påhittad)",
                     "Påhittade exempeldata", "Exempel: kommunen lovar ny belysning på tre gångvägar.")
    page.get_by_label("Påhittat exempel (frivillig)").click()
    publish(page)

    assert plain(front_matter(repo / NEW_PROMISE)) == {
        "title": "Exempel: belysning på tre gångvägar",
        "actors": [{"actor": "kommunen", "status": "ej påbörjat"}], "status": "ej påbörjat",
        "sources": [{"title": "Påhittade exempeldata"}], "example": True,
        "body": "Exempel: kommunen lovar ny belysning på tre gångvägar."}
    out = checked_and_built(repo, tmp_path / "site")
    made = (out / "exempelby/2026/exempel-belysning-pa-tre-gangvagar/index.html").read_text(encoding="utf-8")
    assert "Exempel: belysning på tre gångvägar" in made and "Ej påbörjat" in made
    assert "exempel-belysning-pa-tre-gangvagar/" in (out / "exempelby/2026/index.html").read_text(encoding="utf-8")
    only_own_origin(requests, editor)
    nothing_blocked(console)


def test_a_save_the_build_would_refuse_says_why_in_swedish(session, editor, repo):
    page, _, _ = session
    fill_new_promise(page, editor, "Utanför perioden", "Polisen", "Källa", "Text.")
    page.get_by_label("Egen tidsram: första dag (frivillig)", exact=True).fill("2027-02-01")
    page.get_by_role("button", name="Publicera", exact=True).click()
    page.get_by_text("Publicera nu").click()
    page.get_by_text("2027-02-01 ligger utanför perioden 2026-01-01–2026-12-31").wait_for()
    assert not (repo / "content/exempelby/2026/utanfor-perioden").exists()


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """A site built with `cms: backend: github`, served as a host would."""
    root = tmp_path_factory.mktemp("hosted")
    shutil.copytree(ROOT / "content", root / "content")
    site_yaml = root / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "cms:\n  backend: github\n  repo: exempelby/lofte\n"
                         "  base_url: https://auth.exempelby.example.org\n", encoding="utf-8")
    assert run("--content", str(root / "content"), "--out", str(root / "site"), "--no-posters").returncode == 0
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_the_hosted_login_page_loads_only_from_the_site(browser, hosted):
    context = browser.new_context(locale="sv-SE")
    page, requests, console = recording(context)
    page.goto(hosted + "admin/")
    page.get_by_role("button", name="Logga in med GitHub").wait_for()
    assert not [m for m in console if "Config Errors" in m or "config" in m.lower() and "error" in m.lower()]
    only_own_origin(requests, hosted)
    nothing_blocked(console)
    context.close()


@pytest.mark.parametrize("where, width", [("local", 1280), ("local", 390), ("hosted", 1280), ("hosted", 390)])
def test_axe_on_the_login_page(browser, editor, hosted, where, width):
    """Decap's login page, with löfte's landmark, heading and contrast fix (lofte-cms.css)."""
    require(AXE)
    context = browser.new_context(bypass_csp=True, locale="sv-SE", viewport={"width": width, "height": 800})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto((editor if where == "local" else hosted) + "admin/")
    page.get_by_role("button", name="Logga in", exact=False).first.wait_for()
    found = violations(page, f"/admin/ ({where}, {width} px)")
    context.close()
    assert not found, "\n".join(found)


def test_the_form_fits_a_phone(browser, editor):
    """Decap's editor is 800 px wide; lofte-cms.css makes it one column with Publicera in view."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    page = context.new_page()
    page.goto(editor + "admin/")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Samlingar").wait_for()
    page.goto(editor + "admin/#/collections/uppdateringar-exempelby-2026-trygghetsvandringar/new")
    page.get_by_label("Rubrik", exact=True).fill("Ett möte")
    box = page.get_by_role("button", name="Publicera", exact=True).bounding_box()
    assert box["x"] + box["width"] <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.get_by_label("Rubrik", exact=True).bounding_box()["width"] > 300
    context.close()
