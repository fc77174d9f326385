"""`serve --cms`: the browser editor on this computer, saving into content/.

The preview server (serve.py) gets two more things to answer, both on its own
origin: /admin/, the editor (outputs/admin.py, with saves going to the
preview server instead of a git host), and /api/v1, Decap's local backend
(cmsproxy.py). A save writes the file; the preview's watcher sees it, rebuilds
and reloads the preview tab. The editor's page has no </head>, so the reload
script is never added to it and it does not reload while someone types.

The forms are made from the content as it is now, errors and all: a file with
a mistake must not stop the editor that is used to fix it.
"""
from __future__ import annotations

import dataclasses
import ipaddress
import json
import mimetypes
import os
from typing import Callable

from lofte.build.pipeline import Options, build_date_from_env
from lofte.content.assemble import assemble_municipality, combine, read_settings
from lofte.content.errors import ErrorList, LofteError
from lofte.content.load import load_municipality, load_top, skipped
from lofte.content.model import Accessibility, Cms, Contact, Site
from lofte.outputs import admin, decap

from . import reload
from .cmsproxy import Proxy, Refused

API = "/api/v1"
MAX_REQUEST = 30_000_000  # base64 images of up to 20 MB


def current_site(opts: Options) -> Site:
    """The content as the editor needs it: every file that can be read, mistakes and all."""
    errors = ErrorList()
    display = opts.display_root or str(opts.content_dir)
    today = opts.build_date or build_date_from_env()
    doc, slugs = load_top(opts.content_dir, display, errors)
    settings = read_settings(doc, errors, today, opts.base_url) or Site(
        title="Medborgarlöften", base_url="http://127.0.0.1/", languages=("sv",), description="",
        contact=Contact(), owners=(), licence="CC0-1.0", feedback="",
        accessibility=Accessibility("delvis", (), today, today, None, "", "", "", ""), build_date=today)
    parts = []
    for slug in slugs:
        files = load_municipality(opts.content_dir, display, slug, errors)
        if files is not None:
            parts.append(assemble_municipality(files, opts.content_dir, errors))
    return combine(settings, parts)


def _stamp(root) -> int:
    """Changes whenever a file under `root` is added, removed or saved."""
    seen = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not skipped(d)]
        for name in files:
            if not skipped(name):
                st = os.stat(os.path.join(folder, name))
                seen.append((folder, name, st.st_mtime_ns, st.st_size))
    return hash(tuple(sorted(seen)))


def _send(start_response, status: str, kind: str, data: bytes, extra: tuple = ()):
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(data))),
                            ("Cache-Control", "no-store"), *extra])
    return [data]


def _json(start_response, status: str, value) -> list[bytes]:
    return _send(start_response, status, "application/json; charset=utf-8",
                 json.dumps(value, ensure_ascii=False).encode())


def _local(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


class Editor:
    """WSGI middleware: /admin/ and /api/v1 here, everything else to the preview."""

    def __init__(self, opts: Options, app: Callable):
        self.opts, self.app = opts, app
        self.proxy = Proxy(opts.content_dir, opts.display_root or "content")
        try:
            self.vendored = decap.locate(opts.cache_path()) or decap.vendor(opts.cache_path())
        except decap.Unavailable as exc:
            raise LofteError(f"redigeraren behöver Decap CMS: {exc}") from None
        self.scripts = {p.name: p for p in decap.files(self.vendored)}
        self._made: tuple[tuple, dict[str, bytes]] | None = None

    def generated(self, origin: str) -> dict[str, bytes]:
        """The editor's own files from the content as it is now; made again after any change
        (the page asks for three of them at once, and reading all content takes a while)."""
        key = (_stamp(self.opts.content_dir), origin)
        if self._made is None or self._made[0] != key:
            site = current_site(self.opts)
            cms = dataclasses.replace(site.cms or Cms("local", "", "main", ""),
                                      content_folder=self.opts.content_dir.resolve().name)
            self._made = (key, admin.generated(site, cms, local=True, site_url=origin))
        return self._made[1]

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        if path == API:
            return self.api(environ, start_response)
        if path == "/" + admin.FOLDER.rstrip("/"):
            start_response("301 Moved Permanently", [("Location", path + "/"), ("Content-Length", "0")])
            return [b""]
        if path.startswith("/" + admin.FOLDER):
            return self.editor(path[len(admin.FOLDER) + 1:] or "index.html", environ, start_response)
        return self.app(environ, start_response)

    def editor(self, name: str, environ, start_response):
        if name.startswith("decap/") and name[6:] in self.scripts:
            # livereload adds its script before any "</head>", in scripts too; in a
            # script that text is only ever inside a string, where "<\/" means "</".
            data = self.scripts[name[6:]].read_bytes().replace(b"</head>", b"<\\/head>")
        elif name in ("index.html", "config.yml", "lofte-cms.js", "lofte-cms.css"):
            origin = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST', '127.0.0.1')}/"
            data = self.generated(origin)[name]
        else:
            return _send(start_response, "404 Not Found", "text/plain; charset=utf-8", b"Finns inte.\n")
        kind = "text/yaml" if name.endswith(".yml") else mimetypes.guess_type(name)[0] or "application/octet-stream"
        return _send(start_response, "200 OK", kind + "; charset=utf-8" if kind.startswith("text/") or
                     kind.endswith("javascript") else kind, data)

    def api(self, environ, start_response):
        """Only this computer may save, only from the editor's own page (not from another site)."""
        host = environ.get("HTTP_HOST", "")
        origin = environ.get("HTTP_ORIGIN")
        if not _local(environ.get("REMOTE_ADDR", "")):
            return _json(start_response, "403 Forbidden", {"error": "redigering går bara från den här datorn"})
        # Another site's page can post here only with a name it made point to 127.0.0.1 (DNS
        # rebinding: then Host and Origin agree) or as a "simple" request (no JSON type, or an Origin).
        if not reload.local_name(host):
            return _json(start_response, "403 Forbidden", {"error": "redigeraren sparar bara när den är öppnad på "
                                                           "http://127.0.0.1 eller http://localhost"})
        kind = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if environ.get("REQUEST_METHOD") != "POST" or kind != "application/json" \
                or (origin is not None and origin not in (f"http://{host}", f"https://{host}")):
            return _json(start_response, "403 Forbidden", {"error": "bara redigeraren på /admin/ får spara här"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= MAX_REQUEST:
            return _json(start_response, "413 Payload Too Large", {"error": "förfrågan är för stor"})
        try:
            body = json.loads(environ["wsgi.input"].read(length))
            return _json(start_response, "200 OK", self.proxy.handle(body))
        except Refused as exc:
            status = {403: "403 Forbidden", 422: "422 Unprocessable Entity", 500: "500 Internal Server Error"}.get(exc.status, "400 Bad Request")
            return _json(start_response, status, {"error": str(exc)})
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
            return _json(start_response, "400 Bad Request", {"error": f"ogiltig förfrågan: {exc}"})


def run(opts: Options, host: str = "127.0.0.1", port: int = 8000) -> int:
    """The preview with the editor: serve.run, with /admin/ and /api/v1 added."""
    from . import serve
    print(f"Redigera i webbläsaren: http://{host}:{port}/{admin.FOLDER} (sparar i {opts.content_dir}/)", flush=True)
    return serve.run(opts, host, port, wrap=lambda app: Editor(opts, app))
