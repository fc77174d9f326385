"""Decap's local backend in Python (serve --cms), held to Decap's own server, and its guards.

decap-server (Node.js, pinned in tests/decap-server/, installed by
`scripts/setup test`) is the reference: the same requests go to it and to the
preview server's /api/v1, over HTTP, on two identical copies of the content,
and answers and files must match.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from conftest import SMALL, options

from lofte.authoring.cms import Editor
from lofte.authoring.cmsproxy import Proxy, Refused

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / ".cache/cms/decap-server/node_modules/decap-server/dist/index.js"
UPDATES = "content/storby/2025/trygg-park/updates"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
NEW_UPDATE = "---\ntitle: Tredje vandringen\nprogress:\n  - indicator: vandringar\n    value: 1\n---\nTolv gick med.\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name / "repo"
    shutil.copytree(SMALL, root / "content")
    (root / "content/storby/2025/trygg-park/updates/karta.png").write_bytes(PNG)
    return root


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def ours(tmp_path):
    """The preview server's /api/v1 (the editor around a stand-in preview)."""
    root = copy(tmp_path, "ours")
    app = Editor(options(root / "content"), lambda env, start: start("404 Not Found", []) or [b""])
    server = make_server("127.0.0.1", 0, app, handler_class=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_port}/api/v1"
    server.shutdown()


@pytest.fixture
def reference(tmp_path):
    if not DECAP_SERVER.is_file():
        pytest.fail(f"{DECAP_SERVER} is missing: run scripts/setup test", pytrace=False)
    root = copy(tmp_path, "reference")
    port = free_port()
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(root),
           "LOG_LEVEL": "error"}
    proc = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, cwd=root, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(100):
        try:
            post(url, {"action": "info"})
            break
        except OSError:
            time.sleep(0.1)
    yield root, url
    proc.terminate()
    proc.wait(10)


def post(url: str, body: dict, headers: dict | None = None) -> tuple[int, object]:
    request = urllib.request.Request(url, json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def by_path(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: e.get("file", e).get("path"))


CONVERSATION = [  # what Decap sends while a communicator opens a promise's updates and adds one
    {"action": "entriesByFolder", "params": {"folder": UPDATES, "extension": "md", "depth": 1}},
    {"action": "entriesByFolder", "params": {"folder": "content/storby/2025", "extension": "md", "depth": 2}},
    {"action": "entriesByFiles", "params": {"files": [{"path": "content/storby/kommun.yaml", "label": "Storby"},
                                                      {"path": "content/storby/saknas.yaml", "label": "Saknas"}]}},
    {"action": "getEntry", "params": {"path": f"{UPDATES}/2025-03-01-forsta-vandringen.md"}},
    {"action": "getMedia", "params": {"mediaFolder": UPDATES}},
    {"action": "getMediaFile", "params": {"path": f"{UPDATES}/karta.png"}},
    {"action": "persistEntry", "params": {"dataFiles": [{"path": f"{UPDATES}/2025-05-01-tredje-vandringen.md",
                                                         "slug": "2025-05-01-tredje-vandringen", "raw": NEW_UPDATE}],
                                          "assets": [], "options": {"collectionName": "uppdateringar", "commitMessage": "Ny uppdatering",
                                                      "useWorkflow": False, "status": "draft"}}},
    {"action": "getEntry", "params": {"path": f"{UPDATES}/2025-05-01-tredje-vandringen.md"}},
    {"action": "persistMedia", "params": {"asset": {"path": f"{UPDATES}/bild.png", "encoding": "base64",
                                                    "content": base64.b64encode(PNG).decode()},
                                          "options": {"commitMessage": "Ny bild"}}},
    {"action": "getDeployPreview", "params": {"collection": "x", "slug": "y"}},
    {"action": "nothingLikeThis", "params": {}},
]


def test_answers_like_decap_server(ours, reference):
    (our_root, our_url), (ref_root, ref_url) = ours, reference
    for body in CONVERSATION:
        body = {"branch": "main", **body, "params": {"branch": "main", **body["params"]}}  # as Decap sends them
        got, want = post(our_url, body), post(ref_url, body)
        if isinstance(got[1], list) and isinstance(want[1], list):
            got, want = (got[0], by_path(got[1])), (want[0], by_path(want[1]))
        if body["action"] == "nothingLikeThis":  # the same refusal, in other words
            got, want = got[0], want[0]
        if body["action"] == "getMedia":  # ours lists images and PDFs only, not the updates beside them
            want = (want[0], [m for m in want[1] if m["name"].endswith(".png")])
        assert got == want, body["action"]
    assert post(our_url, {"action": "info"})[1] == {**post(ref_url, {"action": "info"})[1], "repo": "repo"}
    for rel in (f"{UPDATES}/2025-05-01-tredje-vandringen.md", f"{UPDATES}/bild.png"):
        assert (our_root / rel).read_bytes() == (ref_root / rel).read_bytes()


@pytest.fixture
def proxy(tmp_path):
    return Proxy(copy(tmp_path, "guarded") / "content")


@pytest.mark.parametrize("path, message", [
    ("content/../hemligt.md", "får bara läsa och spara i content/"),
    ("../content/storby/kommun.yaml", "får bara läsa och spara i content/"),
    ("content/.git/config", "får bara läsa och spara i content/"),
    ("/etc/passwd", "ogiltig sökväg"),
    ("content\\storby\\kommun.yaml", "ogiltig sökväg"),
])
def test_only_the_content_folder(proxy, path, message):
    with pytest.raises(Refused, match=message):
        proxy.handle({"action": "getEntry", "params": {"path": path}})


def test_no_symbolic_link_out(proxy, tmp_path):
    (tmp_path / "ute.md").write_text("hemligt")
    (proxy.content_dir / "storby" / "lank.md").symlink_to(tmp_path / "ute.md")
    with pytest.raises(Refused, match="pekar utanför"):
        proxy.handle({"action": "getEntry", "params": {"path": "content/storby/lank.md"}})


@pytest.mark.parametrize("path", ["content/site.yaml", "content/storby/skript.js", "content/ny.md"])
def test_saves_only_content_files_in_municipality_folders(proxy, path):
    with pytest.raises(Refused, match="sparar bara innehållsfiler och bilder"):
        proxy.handle({"action": "persistEntry", "params": {"dataFiles": [{"path": path, "raw": "x"}], "assets": []}})


def test_a_save_with_an_error_is_undone_with_the_builds_message(proxy):
    target = proxy.content_dir / "storby/2025/trygg-park/updates/2025-05-01-fel.md"
    raw = NEW_UPDATE.replace("indicator: vandringar", "indicator: promenader")
    with pytest.raises(Refused) as caught:
        proxy.handle({"action": "persistEntry", "params": {
            "dataFiles": [{"path": "content/storby/2025/trygg-park/updates/2025-05-01-fel.md", "raw": raw}],
            "assets": []}})
    assert caught.value.status == 422
    assert "content/storby/2025/trygg-park/updates/2025-05-01-fel.md:4: progress (första värdet).indicator: 'promenader' är " \
           "ingen indikator i löftet (trygga, vandringar)" in str(caught.value)
    assert not target.exists()
    with pytest.raises(Refused, match="ligger utanför perioden"):
        proxy.handle({"action": "persistEntry", "params": {"dataFiles": [{
            "path": "content/storby/2025/ny-mapp/index.md",
            "raw": "---\ntitle: Ny\nstart: 2030-01-01\nstatus: pågår\nactors:\n  - actor: polisen\n"
                   "    status: pågår\n---\nText.\n"}], "assets": []}})
    assert not (proxy.content_dir / "storby/2025/ny-mapp").exists()
    kommun = proxy.content_dir / "storby/kommun.yaml"
    before = kommun.read_bytes()
    with pytest.raises(Refused, match="short_name: saknas"):
        proxy.handle({"action": "persistEntry", "params": {
            "dataFiles": [{"path": "content/storby/kommun.yaml", "raw": "name: Storby kommun\n"}], "assets": []}})
    assert kommun.read_bytes() == before


def test_nothing_is_deleted_or_moved(proxy):
    for body in ({"action": "deleteFile", "params": {"path": f"{UPDATES}/2025-03-01-forsta-vandringen.md"}},
                 {"action": "persistEntry", "params": {"dataFiles": [
                     {"path": f"{UPDATES}/2025-03-01-forsta-vandringen.md", "raw": NEW_UPDATE,
                      "newPath": f"{UPDATES}/2025-03-02-flyttad.md"}], "assets": []}}):
        with pytest.raises(Refused):
            proxy.handle(body)
    assert (proxy.content_dir.parent / UPDATES / "2025-03-01-forsta-vandringen.md").is_file()


def test_only_the_editors_own_page_may_save(ours):
    _, url = ours
    host = url.split("/")[2]
    assert post(url, {"action": "info"}, {"Origin": f"http://{host}"})[0] == 200
    status, body = post(url, {"action": "info"}, {"Origin": "https://elak.example.org"})
    assert status == 403 and body == {"error": "bara redigeraren på /admin/ får spara här"}
    request = urllib.request.Request(url, b'{"action": "info"}', method="POST", headers={"Content-Type": "text/plain"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 403


def test_only_this_computer_may_save(tmp_path):
    """With --host 0.0.0.0 colleagues can look at the preview, but not save."""
    root = copy(tmp_path, "shared")
    app = Editor(options(root / "content"), lambda env, start: start("404 Not Found", []) or [b""])
    answers = []
    body = b'{"action": "info"}'
    environ = {"PATH_INFO": "/api/v1", "REQUEST_METHOD": "POST", "CONTENT_TYPE": "application/json",
               "CONTENT_LENGTH": str(len(body)), "HTTP_HOST": "192.168.1.10:8000", "REMOTE_ADDR": "192.168.1.20",
               "wsgi.input": __import__("io").BytesIO(body)}
    out = b"".join(app(environ, lambda status, headers: answers.append(status)))
    assert answers == ["403 Forbidden"] and "den här datorn" in out.decode()


def test_editor_pages_are_served_without_the_reload_script(ours):
    _, url = ours
    base = url.rsplit("/api/v1", 1)[0]
    with urllib.request.urlopen(base + "/admin/", timeout=30) as response:
        page = response.read().decode()
    assert "Content-Security-Policy" in page and "livereload" not in page and "</head>" not in page
    with urllib.request.urlopen(base + "/admin/config.yml", timeout=30) as response:
        assert response.headers["Content-Type"].startswith("text/yaml")
        assert b"proxy_url: /api/v1" in response.read()
    with urllib.request.urlopen(base + "/admin/decap/decap-cms.js", timeout=30) as response:
        assert b"</head>" not in response.read()
