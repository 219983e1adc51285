"""Response headers that every ``/api/`` response needs, whatever produced it."""

from __future__ import annotations

from django.utils.cache import patch_vary_headers

API_PATH_PREFIX = "/api/"
_LANGUAGE_HEADERS = {"accept-language"}


class ApiResponseHeadersMiddleware:
    """Make API responses CDN- and browser-friendly.

    LocaleMiddleware adds ``Vary: Accept-Language``, but the API's text does not depend on
    the request's language, and that Vary would split a CDN's cache by every browser
    language. The API is public, read-only data without cookies, so any origin may read it
    (CORS without credentials; a preview token is sent explicitly, never as a cookie).
    Place this middleware before (outside) LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(API_PATH_PREFIX):
            return response
        if response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip() and value.strip().lower() not in _LANGUAGE_HEADERS
            ]
            del response["Vary"]
            if kept:
                patch_vary_headers(response, kept)
        response.headers.pop("Content-Language", None)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response
