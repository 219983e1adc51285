"""Helpers for the API tests: a JSON client, URLs and publishing shortcuts."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from guides.audience import Answers

API = "/api/v1"


def guide_url(slug: str) -> str:
    return f"{API}/guides/{slug}/"


def body(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return json.loads(response.content)


def answers_of(query: str) -> Answers:
    return Answers(tuple(pair.split("=")) for pair in query.split("&")) if query else Answers()


def publish_new_revision(page, user=None, **changes):
    """Change fields of the latest content, have every authority sign it off and publish it
    (through the sign-off workflow, the ordinary way a guide goes live)."""
    from tests.factories import publish_signed_off

    page = page.get_latest_revision_as_object()
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision(user=user)
    publish_signed_off(page, user)
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def client():
    return Client()


class Receiver:
    """What a local webhook receiver got, and the statuses it will answer with."""

    def __init__(self):
        self.statuses: list[int] = []
        self.requests: list[tuple[dict, bytes]] = []
        self.url = ""

    def json(self, index=-1) -> dict:
        return json.loads(self.requests[index][1])


@pytest.fixture
def receiver():
    """An HTTP server on 127.0.0.1 (loopback only) answering 200 unless told otherwise."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state.requests.append((dict(self.headers.items()), body))
            status = state.statuses.pop(0) if state.statuses else 200
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/vejviser-hook"
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
