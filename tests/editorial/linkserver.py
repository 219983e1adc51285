"""A local HTTP server for link-check tests: loopback only, started and stopped by the test.

Paths and what they answer:

    /ok            200
    /moved         301 -> /ok
    /temporary     302 -> /moved (two hops)
    /loop          301 -> /loop (never ends)
    /missing       404
    /error         500
    /slow          waits ``SLOW_SECONDS`` before answering (longer than the test timeout)
    /get-only      405 to HEAD, 200 to GET
    /busy/<n>      200 after a short pause, counting requests in flight at once
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 1.5
BUSY_SECONDS = 0.15


class _Handler(BaseHTTPRequestHandler):
    server: LinkServer

    def log_message(self, *args):
        pass

    def _answer(self, status: int, location: str = ""):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route(self):
        self.server.record(self.command, self.path)
        path = self.path.split("?")[0]
        if path == "/ok":
            return self._answer(200)
        if path == "/moved":
            return self._answer(301, "/ok")
        if path == "/temporary":
            return self._answer(302, f"http://127.0.0.1:{self.server.server_port}/moved")
        if path == "/loop":
            return self._answer(301, "/loop")
        if path == "/missing":
            return self._answer(404)
        if path == "/error":
            return self._answer(500)
        if path == "/slow":
            self.server.stopping.wait(SLOW_SECONDS)
            return self._answer(200)
        if path == "/get-only":
            return self._answer(405 if self.command == "HEAD" else 200)
        if path.startswith("/busy/"):
            with self.server.lock:
                self.server.in_flight += 1
                self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
            time.sleep(BUSY_SECONDS)
            with self.server.lock:
                self.server.in_flight -= 1
            return self._answer(200)
        return self._answer(404)

    do_HEAD = _route
    do_GET = _route


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.requests: list[tuple[str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def record(self, method, path):
        with self.lock:
            self.requests.append((method, path))

    def reset(self):
        with self.lock:
            self.requests.clear()
            self.in_flight = 0
            self.max_in_flight = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def __enter__(self):
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
