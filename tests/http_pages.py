"""A web server on 127.0.0.1, started inside a test, for the tests that fetch URLs.

Importable from any test module: pytest puts ``tests/`` on ``sys.path`` for its conftest.
Each path serves a :class:`Route`: a page, a redirect, an error status, a slow answer, a
body sent a byte at a time or one that never ends. Nothing leaves the machine.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PAGE = (
    "<html><head><title>Harbour plan agreed | Town Post</title></head><body><article>"
    "<h1>Harbour plan agreed</h1><p>"
    + "The council met on Monday and agreed on the harbour plan after a long debate. "
    * 4
    + "</p><p>Read more about <a href='/harbour'>the harbour</a> here.</p>"
    "<p>Advertisement</p></article></body></html>"
)


@dataclass(frozen=True)
class Route:
    """What a path answers (whatever its query).

    Attributes:
        status: The HTTP status.
        body: The body.
        headers: Headers, in order (no Content-Length is added: give it when wanted).
        delay: Seconds to wait before answering at all.
        trickle: Seconds to wait between two bytes of the body (0: all at once).
        endless: Send ``body`` again and again until the client goes away.
    """

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    trickle: float = 0.0
    endless: bool = False


def page(body: str | bytes = PAGE, ctype: str = "text/html; charset=utf-8") -> Route:
    """A 200 page with its Content-Type and Content-Length."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Route(200, data, (("Content-Type", ctype), ("Content-Length", str(len(data)))))


def redirect(location: str, status: int = 302) -> Route:
    """A redirect to ``location`` (absolute or relative)."""
    return Route(status, b"", (("Location", location), ("Content-Length", "0")))


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.routes.get(self.path.split("?")[0], Route(404, b"not here"))
        try:
            time.sleep(route.delay)
            self.send_response(route.status)
            for name, value in route.headers:
                self.send_header(name, value)
            self.end_headers()
            if route.endless:
                while True:
                    self.wfile.write(route.body)
            elif route.trickle:
                for byte in route.body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(route.trickle)
            else:
                self.wfile.write(route.body)
        except OSError:  # the client went away: what the endless and slow routes expect
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass  # no log lines in the test output


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Route]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.requests: list[tuple[str, dict[str, str]]] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up is no error of the test's


@dataclass
class Site:
    """A server on 127.0.0.1 serving ``routes``; a context manager that starts and stops it."""

    routes: dict[str, Route] = field(default_factory=dict)

    def __enter__(self) -> Site:
        self.server = _Server(self.routes)
        # A short poll: shutdown() waits for it (the default half second, every test).
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def url(self, path: str) -> str:
        """The URL of ``path`` on this server."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        """The paths asked for and their request headers (names in lower case), in order."""
        return self.server.requests


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (a connection to it is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
