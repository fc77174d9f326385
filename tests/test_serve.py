"""The live preview: the site over HTTP, the error page, recovery, and the reload signal.

The end-to-end tests start `build.py serve` on a free port in a subprocess and
wait (bounded) for each change to show; the rest call the WSGI app directly.
"""
import http.client
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from conftest import options

from lofte.authoring import reload, serve
from lofte.authoring.overlay import page as error_page
from lofte.content.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
KONTROLLER = "storby/2025/fler-kontroller/index.md"
WAIT = 60  # seconds; generous because other builds share the machine


def edit(root, rel, old, new):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- in-process: the WSGI app and the rebuild --------------------------------

def call(app, path):
    status, headers, body = call_bytes(app, path)
    return status, headers, body.decode("utf-8")


def call_bytes(app, path):
    environ = {}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = path
    got = {}

    def start_response(status, headers):
        got["status"], got["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return got["status"], got["headers"], body


def test_preview_serves_the_site_then_the_error_page_then_the_site(small_content):
    preview = serve.Preview(options(small_content))
    assert preview.refresh() is True  # the first build
    assert preview.refresh() is False  # nothing changed: no rebuild
    status, headers, body = call(preview.app, "/storby/2025/fler-kontroller/")
    assert (status, headers["Content-Type"]) == ("200 OK", "text/html; charset=utf-8")
    assert "Fler hastighetskontroller" in body
    assert call(preview.app, "/storby")[:2] == ("301 Moved Permanently", {"Location": "/storby/", "Content-Length": "0"})
    status, _, body = call(preview.app, "/finns-inte/")
    not_found = (small_content.parent / "site/404.html").read_text(encoding="utf-8")
    assert status == "404 Not Found" and body == not_found.replace(
        "</head>", f'<script src="/_lofte/reload.js?{preview.reloads.generation}"></script></head>')
    assert call(preview.app, "/../content/site.yaml")[0] == "404 Not Found"
    assert call(preview.app, "/assets/style.css")[1]["Content-Type"] == "text/css; charset=utf-8"

    edit(small_content, KONTROLLER, "status: pågår\nindicators", "status: pagar\nindicators")
    preview.saw(frozenset({small_content / KONTROLLER}))
    assert preview.refresh() is True
    status, _, body = call(preview.app, "/storby/2025/fler-kontroller/")
    assert status == "500 Internal Server Error"
    assert ("<li><code>content/storby/2025/fler-kontroller/index.md:7</code> <span class=\"field\">status</span>: "
            "&#x27;pagar&#x27; är inte en status; menade du &#x27;pågår&#x27;?</li>") in body
    assert call(preview.app, "/om/")[0] == "500 Internal Server Error"  # every page, not only the broken one
    assert call(preview.app, "/assets/style.css")[0] == "200 OK"  # the last good site's files still serve

    edit(small_content, KONTROLLER, "status: pagar\nindicators", "status: pågår\nindicators")
    preview.saw(frozenset({small_content / KONTROLLER}))
    assert preview.refresh() is True
    assert call(preview.app, "/storby/2025/fler-kontroller/")[0] == "200 OK"


def test_changes_seen_during_a_build_make_one_more_build_told_what_changed(small_content, monkeypatch):
    builds = []
    woken = []
    monkeypatch.setattr(serve, "rebuild", lambda opts, changed, memory: builds.append(changed) or serve.Outcome())
    preview = serve.Preview(options(small_content))
    preview.wake = lambda: woken.append(1)
    a, b = small_content / KONTROLLER, small_content / "storby/2025/lofte.yaml"
    preview.saw(frozenset({a}))  # while the first build runs
    assert preview.refresh() is True and preview.refresh() is False
    preview.saw(frozenset({a}))
    preview.saw(frozenset({b}))
    assert preview.refresh() is True and preview.refresh() is False
    preview.saw(frozenset({a}))
    preview.saw(None)  # a root was replaced: anything may have changed
    assert preview.refresh() is True
    # the first build checks everything; later ones are told which files changed
    assert builds == [None, {a, b}, None]
    assert len(woken) == 5


def test_a_save_during_a_rebuild_makes_one_more_build(small_content, monkeypatch):
    a, b = small_content / KONTROLLER, small_content / "storby/2025/lofte.yaml"
    preview = serve.Preview(options(small_content))
    builds = []

    def rebuild(opts, changed, memory):
        builds.append(changed)
        if len(builds) == 1:
            preview.saw(frozenset({b}))  # saved while the build runs
        return serve.Outcome()

    monkeypatch.setattr(serve, "rebuild", rebuild)
    preview.saw(frozenset({a}))
    assert preview.refresh() is True and preview.refresh() is True and preview.refresh() is False
    assert builds == [None, {b}]


def test_any_build_failure_becomes_an_outcome(small_content, monkeypatch):
    def broken(opts, memory):
        raise RuntimeError("mallen är trasig")

    monkeypatch.setattr(serve, "build", broken)
    outcome = serve.rebuild(options(small_content))
    assert not outcome.ok and outcome.problem.rstrip().endswith("RuntimeError: mallen är trasig")
    assert serve.report(outcome).endswith("Bygget misslyckades (ett fel). Webbläsaren visar felen; "
                                          "spara en rättning så byggs sidan om.")
    assert "<pre>Traceback" in error_page((), outcome.problem).decode()


def test_error_page_escapes_every_value():
    html = error_page((ContentError("content/a/<b>.md", 3, "title<", "'<script>' & mer"),
                       ContentError("content", 0, "", "innehållsmappen finns inte"))).decode()
    assert "<p>2 fel i innehållet:</p>" in html
    assert ("<li><code>content/a/&lt;b&gt;.md:3</code> <span class=\"field\">title&lt;</span>: "
            "&#x27;&lt;script&gt;&#x27; &amp; mer</li>") in html
    assert "<li><code>content</code> innehållsmappen finns inte</li>" in html


# -- end to end: a real server on a free port --------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
    except (urllib.error.URLError, OSError) as exc:
        return None, str(exc)


@pytest.fixture
def server(tmp_path, small_content):
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-u", str(ROOT / "build.py"), "serve", "--content", "content",
                                 "--out", "site", "--port", str(port)], cwd=tmp_path, stdout=out,
                                stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def wait_for(path, predicate):
        deadline = time.monotonic() + WAIT
        while True:
            status, body = fetch(base + path)
            if predicate(status, body):
                return body
            assert proc.poll() is None, f"the server stopped:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"{path}: still {status} after {WAIT} s\n{log.read_text()}"
            time.sleep(0.1)

    try:
        yield base, port, small_content, wait_for
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_edit_break_fix_and_a_vanished_content_folder(server, tmp_path):
    base, port, content, wait_for = server
    page = "/storby/2025/fler-kontroller/"
    body = wait_for(page, lambda s, b: s == 200)
    assert re.search(r'<script src="/_lofte/reload.js\?\d+"></script></head>', body)
    assert fetch(base + "/_lofte/reload.js")[0] == 200

    edit(content, KONTROLLER, "title: Fler hastighetskontroller", "title: Kontroller vid skolorna")
    wait_for(page, lambda s, b: s == 200 and "Kontroller vid skolorna" in b)

    edit(content, KONTROLLER, "status: pågår\nindicators", "status: <pagar>\nindicators")
    body = wait_for(page, lambda s, b: s == 500)
    assert ("<code>content/storby/2025/fler-kontroller/index.md:7</code> <span class=\"field\">status</span>: "
            "&#x27;&lt;pagar&gt;&#x27; är inte en status") in body

    edit(content, KONTROLLER, "status: <pagar>\nindicators", "status: pågår\nindicators")
    wait_for(page, lambda s, b: s == 200 and "Kontroller vid skolorna" in b)

    away = tmp_path / "undan"
    shutil.move(content, away)  # like a git checkout that removes and restores the folder
    body = wait_for(page, lambda s, b: s == 500)
    assert "<li><code>content</code> innehållsmappen finns inte</li>" in body
    shutil.move(away, content)  # the files come back with their old modification times
    wait_for(page, lambda s, b: s == 200 and "Kontroller vid skolorna" in b)


def test_browsers_are_told_to_reload_after_a_rebuild(server):
    base, port, content, wait_for = server
    body = wait_for("/", lambda s, b: s == 200)
    built = re.search(r'reload.js\?(\d+)"', body).group(1)
    stream = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    stream.request("GET", f"/_lofte/events?since={built}")
    response = stream.getresponse()
    assert (response.status, response.getheader("Content-Type")) == (200, "text/event-stream")
    assert response.readline() == b"retry: 500\n"
    edit(content, KONTROLLER, "Fler hastighetskontroller", "Ändrad rubrik")
    lines = [response.readline() for _ in range(3)]
    assert b"data: reload\n" in lines
    stream.close()
    # a page from an older build is told at once
    stream = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    stream.request("GET", "/_lofte/events?since=0")
    response = stream.getresponse()
    assert b"data: reload\n" in [response.readline() for _ in range(3)]
    stream.close()


def test_the_preview_never_redirects_to_another_host(server):
    base, port, _, wait_for = server
    wait_for("/", lambda s, b: s == 200)
    for path in ("//storby/2025", "///storby/2025", "/storby//2025"):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
        conn.request("GET", path)
        response = conn.getresponse()
        assert (response.status, response.getheader("Location")) == (301, "/storby/2025/"), path
        conn.close()


def test_poster_links_work_in_a_preview_started_without_posters(small_content):
    from lofte.content import urls
    preview = serve.Preview(options(small_content))
    assert preview.refresh() is True
    site = preview.opts.out_dir
    poster = next(site.glob("storby/2025/affisch/*")) if (site / "storby/2025/affisch").exists() else None
    assert poster is None  # not built yet
    from lofte.build.pipeline import read_site
    period = next(p for m in read_site(options(small_content)).municipalities for p in m.periods if m.slug == "storby")
    status, headers, _ = call_bytes(preview.app, "/" + urls.poster(period, "a4", "pdf"))
    assert (status, headers["Content-Type"]) == ("200 OK", "application/pdf")
    assert preview.opts.posters is True


def test_a_busy_port_is_a_clear_error(small_content):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "serve", "--content", str(small_content),
                                 "--out", str(small_content.parent / "site"), "--port", str(port)],
                                capture_output=True, text=True, timeout=WAIT)
    assert result.returncode == 1
    assert result.stderr == f"Fel: porten {port} används redan; välj en annan, t.ex. --port {port + 1}\n"


def test_the_reload_script_goes_before_head_end_and_a_build_wakes_waiters():
    signal = reload.Signal()
    assert reload.inject(b"<html><head></head></html>", signal) == (
        b'<html><head><script src="/_lofte/reload.js?0"></script></head></html>')
    assert reload.inject(b"<p>utan head</p>", signal).endswith(b'reload.js?0"></script>')
    assert signal.wait_past(0, 0.01) is False
    signal.fire()
    assert signal.wait_past(0, 0.01) is True and signal.generation == 1
