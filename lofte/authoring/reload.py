"""The preview's reload endpoint and HTTP server, on the standard library alone.

Every HTML page the preview serves gets one line before `</head>`:

    <script src="/_lofte/reload.js?7"></script>

(7: the number of the build the page comes from). The script opens an event
stream, `/_lofte/events?since=7`, and reloads the page when the server sends
`reload`: at once if a newer build finished meanwhile, else after the next
one. The script is a file of the site's own origin, so the pages' Content
Security Policy (script-src 'self') allows it, as it allows the stream
(default-src 'self'). An event stream reconnects by itself, so a restarted
server reloads open pages too.

The server is wsgiref's with a thread per request, so a page load is never
held up by an open stream; only this module knows it. (livereload, which the
preview used before, needed three of its private parts overridden to do this;
see docs/arkitektur.md.)
"""
from __future__ import annotations

import ipaddress
import socket
import threading
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

PREFIX = "/_lofte/"
KEEPALIVE_S = 15  # a comment line this often: a closed tab is noticed, its thread ends
MAX_STREAMS = 100  # open event streams (tabs); more get no live reload rather than a thread each
MAX_CONNECTIONS = 200  # a thread each; more are closed at once, so no client can exhaust the computer
IDLE_S = 60  # a connection that sends or takes nothing for this long is closed
SCRIPT = b"""// l\xc3\xb6fte preview: reload this page when the site has been rebuilt.
(function () {
  var built = new URL(document.currentScript.src).search.slice(1);
  var events = new EventSource("/_lofte/events?since=" + built);
  events.onmessage = function () { events.close(); location.reload(); };
})();
"""


class Signal:
    """The number of the latest finished build; waiters wake when it grows."""

    def __init__(self):
        self.generation = 0
        self._changed = threading.Condition()
        self.streams = threading.BoundedSemaphore(MAX_STREAMS)

    def fire(self) -> None:
        with self._changed:
            self.generation += 1
            self._changed.notify_all()

    def wait_past(self, generation: int, timeout: float) -> bool:
        """True once a build newer than `generation` finished; False after `timeout` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: self.generation > generation, timeout)


def inject(html: bytes, signal: Signal) -> bytes:
    """The page with the reload script before `</head>` (or at the end if it has none)."""
    tag = f'<script src="{PREFIX}reload.js?{signal.generation}"></script>'.encode()
    head = html.find(b"</head>")
    return html[:head] + tag + html[head:] if head >= 0 else html + tag


def app(signal: Signal, path: str, environ, start_response):
    """WSGI for PREFIX: the script, and the event stream."""
    if path == PREFIX + "reload.js":
        start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                  ("Content-Length", str(len(SCRIPT))), ("Cache-Control", "no-store")])
        return [SCRIPT]
    if path == PREFIX + "events":
        try:
            since = int(parse_qs(environ.get("QUERY_STRING", "")).get("since", ["0"])[0])
        except ValueError:
            since = 0
        if not signal.streams.acquire(blocking=False):
            start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                                       ("Content-Length", "0"), ("Cache-Control", "no-store")])
            return [b""]
        start_response("200 OK", [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")])
        return _events(signal, since)
    body = b"Finns inte.\n"
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def _events(signal: Signal, since: int):
    try:
        yield b"retry: 500\n\n"
        while not signal.wait_past(since, KEEPALIVE_S):
            yield b": \n\n"  # the client ignores it; writing to a closed tab ends this thread
        yield b"data: reload\n\n"
    finally:
        signal.streams.release()


def local_name(host: str) -> bool:
    """Is `host` (a request's Host header) a name of this computer that no other site can point here?

    A page on another site can make its own name resolve to 127.0.0.1 (DNS
    rebinding) and then read and post to the preview as its own origin; the
    browser sends that name as Host. localhost, *.localhost and loopback
    addresses never come from someone else's DNS."""
    try:
        name = (urlsplit("//" + host).hostname or "").rstrip(".")
    except ValueError:
        return False
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def local_names_only(wsgi_app, port: int):
    """`wsgi_app`, answering only requests that name this computer (a preview on 127.0.0.1)."""
    def guarded(environ, start_response):
        if local_name(environ.get("HTTP_HOST", "")):
            return wsgi_app(environ, start_response)
        body = (f"Förhandsvisningen svarar bara på http://127.0.0.1:{port}/ (eller localhost), inte på adressen "
                f"{environ.get('HTTP_HOST', '')!r}: en annan webbplats kan ha pekat den hit.\n").encode()
        start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8"),
                                         ("Content-Length", str(len(body)))])
        return [body]
    return guarded


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # an open event stream does not keep the process alive at Ctrl+C

    def server_activate(self):
        super().server_activate()
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address):
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class _Quiet(WSGIRequestHandler):
    timeout = IDLE_S

    def log_message(self, format, *args):  # a 404 is no news; build errors are printed
        pass


def server(host: str, port: int, wsgi_app) -> WSGIServer:
    """An HTTP server for `wsgi_app` on host:port (IPv6 when the host is an IPv6 address)."""
    server_class = _Server
    if ":" in host:
        server_class = type("_Server6", (_Server,), {"address_family": socket.AF_INET6})
    return make_server(host, port, wsgi_app, server_class=server_class, handler_class=_Quiet)
