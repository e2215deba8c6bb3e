"""A real HTTP server on 127.0.0.1 for crawl tests: each test declares the routes it serves.

Routes map a path with its query string ("/v1/boards/acme/jobs?content=true") or a bare path
("/robots.txt") to a ``Route``: status, body, headers, an optional delay, or a sequence of routes
served in turn (e.g. a 429 first, then the real answer). Every request is recorded, so tests can
assert what the spider asked for and when.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from crawler.loopback import LoopbackServer, Response


@dataclass
class Route:
    body: bytes | str | dict | list = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    content_type: str | None = None

    def payload(self) -> tuple[bytes, str]:
        if isinstance(self.body, (dict, list)):
            return json.dumps(self.body).encode(), self.content_type or "application/json"
        if isinstance(self.body, str):
            return self.body.encode("utf-8"), self.content_type or "text/html; charset=utf-8"
        return self.body, self.content_type or "application/octet-stream"


class LocalServer(LoopbackServer):
    """Serve ``routes`` on an ephemeral port; use as a context manager or start()/stop()."""

    def __init__(self, routes: dict | None = None):
        super().__init__()
        self.routes: dict[str, Route | list[Route]] = dict(routes or {})
        self.requests: list[tuple[float, str, dict]] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()

    def hits(self, path: str) -> int:
        """How many requests asked for this path (with or without its query)."""
        return sum(1 for _, p, _ in self.requests if p == path or p.split("?")[0] == path)

    def answer(self, target: str, headers: dict) -> Response:
        with self._lock:
            self.requests.append((time.monotonic(), target, headers))
        route = self._next_route(target) or Route(b"not found", status=404, content_type="text/plain")
        if route.delay:
            time.sleep(route.delay)
        body, ctype = route.payload()
        return Response(body, ctype, route.status, route.headers)

    def _next_route(self, target: str) -> Route | None:
        route = self.routes.get(target)
        if route is None:
            route = self.routes.get(urlsplit(target).path)
        if isinstance(route, list):
            with self._lock:
                n = self._served.get(target, 0)
                self._served[target] = n + 1
            return route[min(n, len(route) - 1)]
        return route
