"""The warm path: an anonymous GET of a guide's address answered from the cache in one
round trip, with no database query and without the rest of the middleware and Wagtail.

It fetches the generation, the address's live pointer and the entry for the exact query
string with one ``get_many`` and answers only when the entry is stamped with the pointer's
page and live revision and the current generation. Anything else (a miss, a tombstone, a
non-canonical query, a cookie-carrying editor, a preview token, a date) goes on to the normal
view, which serves and stores by normalized answers. Place it after the security and CSP
middleware (their headers still apply) and after ``ApiResponseHeadersMiddleware``.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.core.cache import cache

from guides.delivery import keys, memo, store

logger = logging.getLogger(__name__)

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/api/")
API_GUIDE = re.compile(r"^/api/v1/guides/[^/]+/$")
PERSONAL_PARAMS = re.compile(r"(^|&)(dato|preview_token|rediger|dag|maaned|aar)=", re.IGNORECASE)


class DeliveryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME

    def __call__(self, request):
        response = self.from_cache(request) if request.method == "GET" else None
        return response if response is not None else self.get_response(request)

    def from_cache(self, request):
        path = request.path
        if path.startswith(SKIPPED_PREFIXES) and not API_GUIDE.match(path):
            return None
        if self.session_cookie in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return None
        query = request.META.get("QUERY_STRING", "")
        if query and PERSONAL_PARAMS.search(query):
            return None
        try:
            root = f"{request.scheme}://{request.get_host()}"
        except Exception:  # a disallowed host: the normal path answers it
            return None
        address = (root, path, query)
        entry = memo.get(address)
        if entry is not None:
            return store.respond(entry, request)
        try:
            wanted = (keys.generation_key(), keys.pointer_key(root, path), keys.entry_key(root, path, query))
            found = cache.get_many(wanted)
        except Exception:  # the cache is down: the normal path decides
            return None
        generation, pointer, entry = (found.get(key) for key in wanted)
        if (
            generation is None
            or not isinstance(pointer, tuple)
            or not isinstance(entry, store.Entry)
            or not entry.belongs_to(*pointer, generation)
        ):
            return None
        memo.put(address, entry)
        return store.respond(entry, request)
