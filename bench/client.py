"""A small HTTP client on the standard library (no extra dependency): plain GETs for
readers, and a logged-in session with CSRF for posting to the admin."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass
class Response:
    status: int
    body: str
    headers: dict


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _open(opener, request, timeout) -> Response:
    try:
        with opener.open(request, timeout=timeout) as response:
            return Response(
                response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
            )
    except urllib.error.HTTPError as error:
        return Response(error.code, error.read().decode("utf-8", "replace"), dict(error.headers))


_plain = urllib.request.build_opener(_NoRedirect)


def get(url: str, timeout: float = 10) -> Response:
    """GET without following redirects; HTTP errors are returned, connection errors raise."""
    return _open(_plain, urllib.request.Request(url), timeout)


class Session:
    """A browser-like session on one site: cookies kept, CSRF token sent with posts."""

    def __init__(self, base: str, session_cookie: tuple[str, str] | None = None):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)
        if session_cookie:
            self.set_cookie(*session_cookie)

    def set_cookie(self, name: str, value: str) -> None:
        host = urllib.parse.urlsplit(self.base).hostname
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0, name, value, None, False, host, False, False, "/", True, False, None, False, None, None, {}
            )
        )

    def get(self, path: str, timeout: float = 20) -> Response:
        return _open(self.opener, urllib.request.Request(self.base + path), timeout)

    def csrf_token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not match:
            raise ValueError("no CSRF token in the page")
        return match.group(1)

    def post(self, path: str, data: dict, *, token: str, timeout: float = 30) -> Response:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}, method="POST"
        )
        return _open(self.opener, request, timeout)
