"""Publishing: the nginx configuration serves a built site under a path prefix with the
right headers, compression and caching; the CI examples build with the host's address."""
import gzip
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import SMALL, options

from lofte.build.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
PREFIX = "/trygghet/medborgarloften/"


def policy(text: str) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in text.split(";") if d.strip())
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


def test_ci_examples_build_with_the_hosts_address():
    github = yaml.safe_load((ROOT / "deploy/examples/github-pages.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for s in github["jobs"]["build"]["steps"]]
    assert 'python build.py --base-url "${{ steps.pages.outputs.base_url }}/"' in steps
    assert github["jobs"]["build"]["steps"][-1]["with"]["path"] == "site"
    gitlab = yaml.safe_load((ROOT / "deploy/examples/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert 'python build.py --out public --base-url "$CI_PAGES_URL/"' in gitlab["pages"]["script"]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    """deploy/nginx.conf on a free port over plain HTTP, serving the small site under PREFIX."""
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed")
    site = tmp_path / "www" / PREFIX.strip("/")
    build(options(SMALL, site, base_url="https://kommun.example.se" + PREFIX))
    port = free_port()
    conf = NGINX_CONF.read_text(encoding="utf-8")
    conf = re.sub(r"\n\s*listen \[::\].*", "", conf)
    conf = re.sub(r"\n\s*ssl_.*", "", conf)
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    conf = conf.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("root /var/www/kommun;", f"root {tmp_path / 'www'};")
    (tmp_path / "site.conf").write_text(conf, encoding="utf-8")
    temp = "".join(f"{kind}_temp_path {tmp_path}/{kind};\n" for kind in
                   ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "main.conf").write_text(
        f"daemon off;\nuser root;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{temp}include {tmp_path}/site.conf;\n}}\n")
    proc = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "main.conf")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "kommun.example.se", **headers})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_nginx_serves_the_site_under_a_path_prefix(nginx, tmp_path):
    status, headers, body = get(nginx + PREFIX + "storby/2025/trygg-park/")
    assert status == 200 and b"Tryggare park" in body
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'self'")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"] == "max-age=31536000"

    status, headers, body = get(nginx + PREFIX + "assets/style.css", **{"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Encoding"]) == (200, "gzip")
    assert gzip.decompress(body) == (SMALL.parent.parent.parent / "templates/assets/style.css").read_bytes()
    assert headers["Cache-Control"] == "public, max-age=3600, must-revalidate"
    assert headers["X-Content-Type-Options"] == "nosniff"  # repeated where the location sets its own headers

    status, headers, _ = get(nginx + PREFIX + "storby")
    assert (status, headers["Location"]) == (301, PREFIX + "storby/")

    editor = tmp_path / "www" / PREFIX.strip("/") / "admin"  # the editor carries its own policy (test_cms_admin)
    editor.mkdir()
    (editor / "index.html").write_text("<!DOCTYPE html><title>Redigera</title>", encoding="utf-8")
    status, headers, _ = get(nginx + PREFIX + "admin/")
    assert status == 200 and headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert "Cross-Origin-Opener-Policy" not in headers and headers["X-Content-Type-Options"] == "nosniff"

    status, headers, body = get(nginx + PREFIX + "finns-inte/")
    assert status == 404 and b'href="/trygghet/medborgarloften/assets/style.css"' in body
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_nginx_hides_the_builds_own_files(nginx):
    for hidden in (".lofte-build.json", ".htaccess", "_headers", "storby/.utkast.md"):
        status, headers, _ = get(nginx + PREFIX + hidden)
        assert status == 404, hidden
        assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path, content_type", [
    ("data/promises.csv", "text/csv; charset=utf-8"),
    ("data/katalog.rdf", "application/rdf+xml; charset=utf-8"),
    ("storby/kalender.ics", "text/calendar; charset=utf-8"),
    ("atom.xml", "application/atom+xml; charset=utf-8"),
    ("storby/2025/atom.xml", "application/atom+xml; charset=utf-8"),
    ("sitemap.xml", "application/xml; charset=utf-8"),
    ("data/medborgarloften.json", "application/json; charset=utf-8"),
    ("robots.txt", "text/plain; charset=utf-8"),
])
def test_nginx_sends_the_right_type_for_feeds_data_and_calendars(nginx, path, content_type):
    status, headers, _ = get(nginx + PREFIX + path)
    assert (status, headers["Content-Type"]) == (200, content_type)
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Cache-Control"] == "no-cache"
