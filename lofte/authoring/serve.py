"""`serve`: a live preview that rebuilds on every save and reloads the browser.

Communicators check their text in a browser before they publish. The preview
builds through the normal pipeline into the output folder, serves it on
127.0.0.1 (this computer only, unless --host says otherwise), is told by the
operating system of every save in content/ and templates/ (styles included;
watch.py), and after a burst of saves rebuilds once and reloads the browser.

A content error never stops the server: while the last build failed, every
page request gets an error page with file, line, field and message (overlay.py),
the terminal prints the same lines, and the next good save recovers. The
writer's staging and swap mean a finished site replaces the old one at once,
and each file is read under the writer's lock, so a request that arrives during
a rebuild (here or from another terminal) waits for it.

The server is the standard library's (wsgiref, a thread per request; reload.py
has the reload endpoint): a page gets one same-origin script that listens for
"rebuilt" on an event stream and reloads. Poster links work without --posters:
the first request for a poster turns posters on and builds them.
"""
from __future__ import annotations

import dataclasses
import errno
import mimetypes
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from lofte.build.pipeline import Options, build
from lofte.build.reuse import Memory
from lofte.build.write import output_lock
from lofte.content.errors import BuildAborted, ContentError, LofteError

from . import overlay, reload
from .watch import Watcher

TEXT_TYPES = ("text/", "application/xml", "application/json", "application/atom+xml", "image/svg+xml")


@dataclass(frozen=True)
class Outcome:
    errors: tuple[ContentError, ...] = ()
    problem: str = ""  # a failure that is not a content error (template, disk)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.problem


def rebuild(opts: Options, changed: frozenset[Path] | None = None, memory: Memory | None = None) -> Outcome:
    """Build the whole site once; every failure becomes an Outcome, never an exception.

    The one place the preview builds. `changed` holds the files the watcher saw
    change since the last build, or None (at start, and when a watched folder was
    replaced): folders without a changed file are not scanned again. The build
    date is today's, as `Options.build_date` is left unset.
    """
    start = time.perf_counter()
    try:  # only changed files are replaced; `memory` keeps each municipality's work between builds
        build(dataclasses.replace(opts, in_place=True, changed=changed), memory or Memory(keep=True))
    except BuildAborted as exc:
        return Outcome(errors=tuple(exc.errors), seconds=time.perf_counter() - start)
    except LofteError as exc:
        return Outcome(problem=str(exc), seconds=time.perf_counter() - start)
    except Exception:  # a template mistake must show in the browser, not end the preview
        return Outcome(problem=traceback.format_exc(), seconds=time.perf_counter() - start)
    return Outcome(seconds=time.perf_counter() - start)


def report(outcome: Outcome) -> str:
    """What the terminal shows after a rebuild."""
    now = time.strftime("%H:%M:%S")
    if outcome.ok:
        return f"[{now}] Byggt på {outcome.seconds:.2f} s.".replace(".", ",", 1)
    lines = [str(e) for e in outcome.errors] or [outcome.problem.rstrip()]
    count = f"{len(outcome.errors)} fel" if outcome.errors else "ett fel"
    lines.append(f"[{now}] Bygget misslyckades ({count}). Webbläsaren visar felen; "
                 "spara en rättning så byggs sidan om.")
    return "\n".join(lines)


class Preview:
    """The preview's state: which inputs changed since the last build, and how that went.

    The watcher (watch.py) calls `saw` from its thread; `refresh` rebuilds (on the
    builder thread, see `run`), once for however many changes arrived meanwhile,
    and then tells the browsers (`reloads`).
    """

    def __init__(self, opts: Options):
        self.opts = opts
        self.roots = (opts.content_dir, *map(Path, opts.templates_path()))  # a site's own templates too
        self.memory = Memory(keep=True)  # the server rebuilds in this process: keep per-municipality work
        self.outcome = Outcome()
        self.reloads = reload.Signal()
        self.wake: Callable[[], None] = lambda: None  # the server sets it: run `refresh` soon
        self._lock = threading.Lock()
        self._building = threading.Lock()
        self._waiting, self._everything, self._changed = True, True, set()  # the first build checks everything

    def saw(self, changed: frozenset[Path] | None) -> None:
        """Note changed input files (None: anything may have changed) and wake the server."""
        with self._lock:
            self._waiting = True
            if changed is None:
                self._everything = True
            else:
                self._changed |= changed
        self.wake()

    def refresh(self) -> bool:
        """Rebuild if an input changed since the last build; True when browsers should reload."""
        with self._building:
            with self._lock:
                if not self._waiting:
                    return False
                changed = None if self._everything else frozenset(self._changed)
                self._waiting, self._everything, self._changed = False, False, set()
            self.outcome = rebuild(self.opts, changed, self.memory)
            print(report(self.outcome), flush=True)
        self.reloads.fire()
        return True

    def posters_on_demand(self, parts: list[str]) -> None:
        """A poster asked for in a preview started without --posters: turn posters on and build them."""
        if self.opts.posters or "affisch" not in parts[:-1]:
            return
        self.opts = dataclasses.replace(self.opts, posters=True)
        print("Bygger affischerna (första gången en affisch visas) …", flush=True)
        self.saw(frozenset())
        self.refresh()

    def app(self, environ, start_response):
        """WSGI: the built site, or the error page for pages while the last build failed."""
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
        if path.startswith(reload.PREFIX):
            return reload.app(self.reloads, path, environ, start_response)
        parts = [p for p in path.split("/") if p]
        page = not parts or path.endswith("/") or "." not in parts[-1] or parts[-1].endswith(".html")
        if page and not self.outcome.ok:
            return _send(start_response, "500 Internal Server Error", "text/html; charset=utf-8",
                         reload.inject(overlay.page(self.outcome.errors, self.outcome.problem), self.reloads))
        out = self.opts.out_dir
        if any(p in (".", "..") or "\\" in p or "\0" in p or ":" in p for p in parts):
            return _send(start_response, "404 Not Found", "text/plain; charset=utf-8", b"Finns inte.\n")
        if parts and not out.joinpath(*parts).exists():
            self.posters_on_demand(parts)
        with output_lock(out):
            target = out.joinpath(*parts)
            if target.is_dir() and not path.endswith("/"):
                # Built from the parts: never "//host/…", which a browser would take for another host.
                location = quote("/" + "/".join(parts) + "/")
                start_response("301 Moved Permanently", [("Location", location), ("Content-Length", "0")])
                return [b""]
            if target.is_dir():
                target = target / "index.html"
            status = "200 OK"
            if not target.is_file():
                status, target = "404 Not Found", out / "404.html"
            try:
                data = target.read_bytes()
            except OSError:
                return _send(start_response, "404 Not Found", "text/plain; charset=utf-8", b"Finns inte.\n")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = reload.inject(data, self.reloads)
        if kind.startswith(TEXT_TYPES):
            kind += "; charset=utf-8"
        return _send(start_response, status, kind, data)


def _send(start_response, status: str, kind: str, data: bytes):
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(data))),
                            ("Cache-Control", "no-store")])
    return [data]


def run(opts: Options, host: str = "127.0.0.1", port: int = 8000, wrap: Callable | None = None) -> int:
    """Build, then serve and rebuild until Ctrl+C; `wrap` adds to what is served (cms.py: the editor)."""
    if not 0 < port < 65536:
        raise LofteError(f"porten {port} går inte att använda; välj ett tal mellan 1 och 65535, t.ex. 8000")
    preview = Preview(opts)
    if wrap is not None:
        preview.app = wrap(preview.app)
    if reload.local_name(f"[{host}]" if ":" in host else host):  # only this computer: only its names
        preview.app = reload.local_names_only(preview.app, port)
    wake = threading.Event()
    preview.wake = wake.set
    # Watching starts before the first build; once its watch is up it reports None
    # (anything may have changed), so a save during the first build is not lost.
    watcher = Watcher(preview.roots, preview.saw).start()
    try:
        try:
            server = reload.server(host, port, preview.app)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise LofteError(f"porten {port} används redan; välj en annan, t.ex. --port {port + 1}") from None
            raise
        print("Bygger webbplatsen …", flush=True)
        preview.refresh()  # the first build, before the first request
        threading.Thread(target=_builder, args=(preview, wake), name="lofte-build", daemon=True).start()
        print(f"Förhandsvisning på http://{host}:{port}/ (avsluta med Ctrl+C)", flush=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"Obs: på adressen {host} kan andra datorer i nätverket se förhandsvisningen.", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Förhandsvisningen avslutad.", flush=True)
        finally:
            server.server_close()
    finally:
        watcher.stop()
    return 0


def _builder(preview: Preview, wake: threading.Event) -> None:
    """Rebuild whenever the watcher wakes us (a thread of its own: requests keep being served)."""
    while True:
        wake.wait()
        wake.clear()
        preview.refresh()
