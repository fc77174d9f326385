"""Another site open in the same browser attacks `serve --cms`: real Chromium, real server.

The attacker's page is served from another origin (cross-site request
forgery: a form post, a no-CORS fetch, a CORS fetch) and then, after its name
"resolves" to 127.0.0.1 (Chromium's --host-resolver-rules stands in for a DNS
server that answers with 127.0.0.1 on the second lookup), from the preview's
own address and port under its own name (DNS rebinding), where the browser
treats the preview as the attacker's origin. Nothing may be read or saved.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, QuietHandler, require
from .test_cms import free_port

SMALL = ROOT / "tests/fixtures/small"
UPDATES = "content/storby/2025/trygg-park/updates"
REBIND = "rebind.attacker.example"
SAVE = ('{"action":"persistEntry","params":{"dataFiles":[{"path":"' + UPDATES + '/2025-05-0%d-planterad.md",'
        '"raw":"---\\ntitle: Planterad\\n---\\nAv en annan webbplats.\\n"}],"assets":[]}}')
ATTACK = """<!DOCTYPE html><html lang="en"><title>Kattbilder</title>
<form id="f" method="POST" action="{api}" enctype="text/plain" target="sink">
<input name='{form_name}' value='"}}'></form><iframe name="sink"></iframe>
<script>
window.done = Promise.all([
  fetch("{api}", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain;charset=json"}},
                  body: '{nocors}'}}).then(r => "no-cors " + r.type, e => "no-cors " + e),
  fetch("{api}", {{method: "POST", headers: {{"Content-Type": "application/json"}},
                  body: '{{"action":"getEntry","params":{{"path":"content/site.yaml"}}}}'}})
    .then(r => r.text(), e => "cors " + e),
]);
document.getElementById("f").submit();
</script></html>"""


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    """`build.py serve --cms` on a copy of the small fixture; yields (content folder, port)."""
    root = tmp_path_factory.mktemp("target") / "repo"
    shutil.copytree(SMALL, root / "content")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "build.py", "serve", "--cms", "--content", str(root / "content"),
                             "--out", str(root.parent / "site"), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read())
            time.sleep(0.2)
    yield root / "content", port
    proc.terminate()
    proc.wait(20)


@pytest.fixture(scope="module")
def attacker(tmp_path_factory, target):
    """The attacker's site: one page, on another port of this computer."""
    _, port = target
    folder = tmp_path_factory.mktemp("attacker")
    api = f"http://127.0.0.1:{port}/api/v1"
    form_name = SAVE.replace("}],\"assets\":[]}}", "}],\"assets\":[],\"x\":\"") % 1
    (folder / "index.html").write_text(ATTACK.format(api=api, form_name=form_name, nocors=SAVE % 2), "utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def chromium(browser):
    """A Chromium that resolves REBIND to this computer, launched by the package's Playwright:
    a second sync_playwright() cannot start while the package's browser runs (full-suite order)."""
    require(CHROMIUM)
    rebinding = browser.browser_type.launch(executable_path=str(CHROMIUM), headless=True,
                                            args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {REBIND} 127.0.0.1"])
    yield rebinding
    rebinding.close()


def planted(content: Path) -> list[str]:
    return sorted(p.name for p in (content.parent / UPDATES).glob("*planterad*"))


def test_another_site_cannot_post_to_the_editor(chromium, target, attacker):
    content, _ = target
    page = chromium.new_page()
    page.goto(attacker)
    answers = page.evaluate("window.done")
    page.wait_for_timeout(500)  # the form's post
    page.close()
    assert answers[0] == "no-cors opaque"  # sent, as the browser allows, and refused by the server
    assert "Failed to fetch" in answers[1]  # no CORS: the page cannot read the answer
    assert planted(content) == []


def test_dns_rebinding_cannot_read_or_save(chromium, target):
    """Before the fix both requests succeeded: content/site.yaml was read and an update saved."""
    content, port = target
    page = chromium.new_page()
    response = page.goto(f"http://{REBIND}:{port}/")
    assert response.status == 403 and "127.0.0.1" in page.content()
    answers = page.evaluate("""async (save) => {
      const post = body => fetch("/api/v1", {method: "POST", headers: {"Content-Type": "application/json"}, body})
        .then(async r => [r.status, await r.text()]);
      return [await post('{"action":"getEntry","params":{"path":"content/site.yaml"}}'), await post(save)];
    }""", SAVE % 3)
    page.close()
    assert [status for status, _ in answers] == [403, 403]
    assert not any("base_url" in text for _, text in answers)
    assert planted(content) == []


def test_the_editor_itself_still_saves(chromium, target):
    """The same request from the preview's own address is saved: the guard is not a wall."""
    content, port = target
    page = chromium.new_page()
    page.goto(f"http://127.0.0.1:{port}/admin/")
    status = page.evaluate("""(save) => fetch("/api/v1", {method: "POST", headers: {"Content-Type": "application/json"},
                                                         body: save}).then(r => r.status)""", SAVE % 4)
    page.close()
    assert status == 200 and planted(content) == ["2025-05-04-planterad.md"]
