"""A threaded HTTP server on 127.0.0.1 whose answers come from a Python method.

The demo's simulated job boards (``crawler.demo``) and the tests' route server
(``tests/localserver.py``) are both this server with their own ``answer``: it keeps the socket,
thread and HTTP plumbing in one place.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    """What the server sends for one GET."""

    body: bytes
    content_type: str
    status: int = 200
    headers: dict = field(default_factory=dict)


class LoopbackServer:
    """Serve ``answer(target, headers)`` on an ephemeral port (or ``port``) of ``host``.

    Use as a context manager, or ``start()`` / ``stop()``. Subclasses implement ``answer``."""

    server_version = "amscout-loopback"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self._httpd = ThreadingHTTPServer((host, port), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name=type(self).__name__, daemon=True)

    def answer(self, target: str, headers: dict) -> Response:
        """The response to a GET of ``target`` (path and query)."""
        raise NotImplementedError

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _handler(server):  # noqa: N805 - closes over the LoopbackServer
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = server.server_version

            def do_GET(self):  # noqa: N802 - http.server's naming
                reply = server.answer(self.path, dict(self.headers))
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        return Handler
