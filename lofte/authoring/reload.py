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

import socket
import threading
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

PREFIX = "/_lofte/"
KEEPALIVE_S = 15  # a comment line this often: a closed tab is noticed, its thread ends
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
        start_response("200 OK", [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")])
        return _events(signal, since)
    body = b"Finns inte.\n"
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def _events(signal: Signal, since: int):
    yield b"retry: 500\n\n"
    while not signal.wait_past(since, KEEPALIVE_S):
        yield b": \n\n"  # the client ignores it; writing to a closed tab ends this thread
    yield b"data: reload\n\n"


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # an open event stream does not keep the process alive at Ctrl+C


class _Quiet(WSGIRequestHandler):
    def log_message(self, format, *args):  # a 404 is no news; build errors are printed
        pass


def server(host: str, port: int, wsgi_app) -> WSGIServer:
    """An HTTP server for `wsgi_app` on host:port (IPv6 when the host is an IPv6 address)."""
    server_class = _Server
    if ":" in host:
        server_class = type("_Server6", (_Server,), {"address_family": socket.AF_INET6})
    return make_server(host, port, wsgi_app, server_class=server_class, handler_class=_Quiet)
