"""Response headers that every ``/api/`` response needs, whatever produced it."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_vary_headers

API_PATH_PREFIX = "/api/"
#: Vary values an API response must not carry: the text does not depend on the language, and
#: with ``Access-Control-Allow-Origin: *`` it does not depend on the Origin either.
_NOT_VARYING = {"accept-language"}


class ApiResponseHeadersMiddleware:
    """Make API responses CDN- and browser-friendly.

    LocaleMiddleware adds ``Vary: Accept-Language``, but the API's text does not depend on
    the request's language, and that Vary would split a CDN's cache by every browser
    language. CORS is django-cors-headers' (settings ``CORS_*``); when every origin may read
    the API, ``Access-Control-Allow-Origin: *`` is also sent without an ``Origin`` header, so
    that a copy a CDN stored for a request without one still serves a browser.
    Place this middleware before (outside) LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(API_PATH_PREFIX):
            return response
        everyone = getattr(settings, "CORS_ALLOW_ALL_ORIGINS", False)
        not_varying = _NOT_VARYING | ({"origin"} if everyone else set())
        if response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip() and value.strip().lower() not in not_varying
            ]
            del response["Vary"]
            if kept:
                patch_vary_headers(response, kept)
        response.headers.pop("Content-Language", None)
        if everyone:
            response.headers.setdefault("Access-Control-Allow-Origin", "*")
            response.headers.setdefault("Access-Control-Expose-Headers", "ETag, Last-Modified")
        return response


class ApiHeadMiddleware:
    """``HEAD`` wherever ``GET`` is under ``/api/`` (monitors, link checkers, ``curl -I``):
    answered as the ``GET`` (same status, headers, validators and ``Content-Length``),
    without the body. Place it before the warm path, so a HEAD is served from the cache too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD" or not request.path_info.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        request.method = "GET"
        request.META["REQUEST_METHOD"] = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
            request.META["REQUEST_METHOD"] = "HEAD"
        if not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
