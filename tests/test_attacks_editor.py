"""The third review's attacks on the preview server and the browser editor's local backend.

`serve` and `serve --cms` run on a communicator's computer beside their
browser, where any other site they have open can send requests to 127.0.0.1.
Each test is one attack that got through before its fix (README.md, Security,
counts them); tests/browser/test_cms_attacks.py makes the same cross-site
attacks from a real browser.
"""
import io
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest
from conftest import options
from test_cms_proxy import NEW_UPDATE, copy, post

from lofte.authoring import reload
from lofte.authoring.cms import Editor
from lofte.authoring.cmsproxy import Proxy, Refused

UPDATES = "content/storby/2025/trygg-park/updates"


def save(url: str, rel: str, raw: str, headers: dict | None = None) -> tuple[int, object]:
    return post(url, {"action": "persistEntry", "params": {"dataFiles": [{"path": rel, "raw": raw}], "assets": []}},
                headers)


def call(app, body: bytes, **environ) -> tuple[str, bytes]:
    """One request straight to the WSGI app, with the environ a server would give."""
    env = {"PATH_INFO": "/api/v1", "REQUEST_METHOD": "POST", "CONTENT_TYPE": "application/json",
           "CONTENT_LENGTH": str(len(body)), "HTTP_HOST": "127.0.0.1:8000", "REMOTE_ADDR": "127.0.0.1",
           "wsgi.input": io.BytesIO(body), **environ}
    status = []
    out = b"".join(app(env, lambda s, headers: status.append(s)))
    return status[0], out


@pytest.fixture
def editor(tmp_path):
    root = copy(tmp_path, "editor")
    return root, Editor(options(root / "content"), lambda env, start: start("404 Not Found", []) or [b""])


def test_dns_rebinding_cannot_save(editor):
    """A site whose name was made to point to 127.0.0.1 posts as its own origin: Host and Origin agree.
    Held only by the Origin check before; the API now answers only to this computer's own names,
    also when the preview listens on every address (--host 0.0.0.0, where no other guard runs)."""
    root, app = editor
    body = json.dumps({"action": "persistEntry", "params": {"dataFiles": [
        {"path": f"{UPDATES}/2025-05-01-planterad.md", "raw": NEW_UPDATE}], "assets": []}}).encode()
    status, out = call(app, body, HTTP_HOST="rebind.attacker.example:8000",
                       HTTP_ORIGIN="http://rebind.attacker.example:8000")
    assert status == "403 Forbidden" and "127.0.0.1" in out.decode()
    assert not (root / UPDATES / "2025-05-01-planterad.md").exists()
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "lofte.localhost:8000"):
        assert call(app, b'{"action": "info"}', HTTP_HOST=host, HTTP_ORIGIN=f"http://{host}")[0] == "200 OK", host


@pytest.mark.parametrize("host, local", [
    ("127.0.0.1:8000", True), ("localhost", True), ("LOCALHOST.:80", True), ("[::1]:8000", True),
    ("127.1.2.3", True), ("a.localhost", True), ("127.0.0.1.nip.io", False), ("evil.example", False),
    ("localhost.evil.example", False), ("", False), ("[::1", False), ("2130706433", False),
])
def test_only_this_computers_names_are_local(host, local):
    assert reload.local_name(host) is local


def test_preview_on_this_computer_answers_only_to_its_names():
    """Before: any Host was served, so a rebinding page read drafts (and, with --cms, the editor)."""
    app = reload.local_names_only(lambda env, start: start("200 OK", []) or [b"sida"], 8000)
    status, out = call(app, b"", PATH_INFO="/", REQUEST_METHOD="GET", HTTP_HOST="rebind.attacker.example:8000")
    assert status == "403 Forbidden" and "http://127.0.0.1:8000/" in out.decode()
    assert call(app, b"", PATH_INFO="/", REQUEST_METHOD="GET", HTTP_HOST="localhost:8000") == ("200 OK", b"sida")


def test_a_simple_request_cannot_save(editor):
    """`text/plain;charset=json` passed the old `"json" in type` test and needs no CORS preflight."""
    root, app = editor
    assert call(app, b'{"action": "info"}', CONTENT_TYPE="text/plain;charset=json")[0] == "403 Forbidden"


@pytest.mark.parametrize("body", [
    b'{"action": "entriesByFolder", "params": {"folder": "content/storby", "extension": "md", "depth": Infinity}}',
    b"[" * 100_000 + b"]" * 100_000,
])
def test_malformed_requests_get_a_message_not_a_traceback(editor, body):
    status, out = call(editor[1], body)
    assert status == "400 Bad Request" and json.loads(out)["error"].startswith("ogiltig förfrågan")


def test_no_write_through_a_link_to_nowhere(tmp_path):
    """A link planted where the next update will be saved (it points at a file that does not exist yet):
    the old check looked for the nearest *existing* path, skipped the link and wrote through it."""
    proxy = Proxy(copy(tmp_path, "linked") / "content")
    outside = tmp_path / "utanfor.md"
    link = proxy.content_dir / "storby/2025/trygg-park/updates/2025-05-01-vandring.md"
    link.symlink_to(outside)
    with pytest.raises(Refused, match="pekar utanför content/"):
        proxy.handle({"action": "persistEntry", "params": {"dataFiles": [
            {"path": f"{UPDATES}/2025-05-01-vandring.md", "raw": NEW_UPDATE}], "assets": []}})
    assert not outside.exists() and not os.path.exists(link)


def test_a_save_that_fails_halfway_is_undone(tmp_path):
    """Two files, the second unwritable: the first (with an error) stayed, and the answer was a traceback."""
    proxy = Proxy(copy(tmp_path, "halfway") / "content")
    bad = proxy.content_dir / "storby/2025/trygg-park/updates/2025-05-06-fel.md"
    with pytest.raises(Refused, match="Ingenting ändrades") as caught:
        proxy.handle({"action": "persistEntry", "params": {"dataFiles": [
            {"path": f"{UPDATES}/2025-05-06-fel.md", "raw": "---\ntitle: Fel\nstatus: nonsens\n---\nx\n"},
            {"path": "content/storby/kommun.yaml/x.md", "raw": "x"}], "assets": []}})
    assert caught.value.status == 500 and not bad.exists()
    assert not list(bad.parent.glob(".*.tmp"))


def test_colon_names_are_refused(tmp_path):
    """`a.md:b` is an alternate data stream on Windows (hidden data no build sees), `C:x` another drive."""
    proxy = Proxy(copy(tmp_path, "colon") / "content")
    for rel in (f"{UPDATES}/2025-05-01-a.md:dold", "content/storby/C:x.md"):
        with pytest.raises(Refused, match="ogiltig sökväg"):
            proxy.handle({"action": "persistEntry", "params": {"dataFiles": [{"path": rel, "raw": "x"}], "assets": []}})


def test_concurrent_saves_keep_their_own_outcome(editor, monkeypatch):
    """A good and a bad save at once: before, the good one was refused with the other's error, the bad
    one was kept (its error was already there when it looked), or either got a traceback."""
    root, app = editor
    server = reload.server("127.0.0.1", 0, app)  # the preview's own server: a thread per request
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/api/v1"
    checked = Proxy._errors

    def slow(self, slugs):  # as on a municipality of real size: reading it takes a while
        found = checked(self, slugs)
        time.sleep(0.05)
        return found
    monkeypatch.setattr(Proxy, "_errors", slow)
    for i in range(4):
        good, bad = f"{UPDATES}/2025-06-{i + 1:02d}-bra.md", f"{UPDATES}/2025-06-{i + 1:02d}-fel.md"
        results = {}
        threads = [threading.Thread(target=lambda r=rel, t=text: results.__setitem__(r, save(url, r, t)))
                   for rel, text in ((good, "---\ntitle: Bra\n---\nText.\n"),
                                     (bad, "---\ntitle: Fel\nstatus: nonsens\n---\nText.\n"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results[good][0] == 200 and (root / good).is_file(), results[good]
        assert results[bad][0] == 422 and not (root / bad).exists(), results[bad]
    server.shutdown()
    server.server_close()


def test_event_streams_are_bounded():
    """Each open event stream held a thread for ever: 3,000 connections made 3,000 threads."""
    signal = reload.Signal()
    server = reload.server("127.0.0.1", 0, lambda env, start: reload.app(
        signal, env["PATH_INFO"], env, start))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_port
    socks = []
    try:
        for _ in range(reload.MAX_STREAMS):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /_lofte/events?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            socks.append(s)
            assert s.recv(12) == b"HTTP/1.0 200"
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_lofte/events", timeout=5)
        assert caught.value.code == 503
        signal.fire()  # a build finished: every stream says reload and ends, so a new tab gets one
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_lofte/events?since=0", timeout=5) as r:
                    assert r.read() == b"retry: 500\n\ndata: reload\n\n"
                break
            except urllib.error.HTTPError:
                time.sleep(0.05)
        else:
            pytest.fail("the streams were not given back")
    finally:
        for s in socks:
            s.close()
        server.shutdown()
        server.server_close()
