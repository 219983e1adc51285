"""The one renderer of a variant: API JSON through ``guides.serializers`` and HTML through
``guides.views.serve_guide`` for an anonymous citizen. Pre-rendering, the miss paths and the
static export all call ``render_variant``; the warm path only replays its output.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from guides import caching, serializers
from guides.delivery import variants
from guides.delivery.store import Entry

JSON = "application/json; charset=utf-8"
# Headers the inner middleware would add to a normal response; the warm path skips that
# middleware, so the entry carries them itself.
HTML_VARY = ("Cookie", "Accept-Language")


def anonymous_request(root_url: str, path: str, query: str) -> WSGIRequest:
    """A GET of ``root_url + path + ?query`` by an anonymous citizen without cookies."""
    parts = urlsplit(root_url)
    secure = parts.scheme == "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": parts.hostname or "localhost",
        "SERVER_PORT": str(parts.port or (443 if secure else 80)),
        "HTTP_HOST": parts.netloc,
        "wsgi.url_scheme": parts.scheme or "http",
        "wsgi.input": io.BytesIO(),
    }
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header and secure:
        environ[proxy_header[0]] = proxy_header[1]
    request = WSGIRequest(environ)
    request.user = AnonymousUser()
    return request


def api_body(page, *, answers, anchor, root_url: str) -> bytes:
    data = serializers.serialize_guide(
        page.document, answers=answers, anchor=anchor, root_url=root_url, revision_id=page.live_revision_id
    )
    return serializers.render_json(data)


def api_etag(page, *, answers, anchor, root_url: str, generation: str) -> str:
    return caching.guide_etag(
        page,
        answers_query=answers.query_string() if answers is not None else "*",
        anchor=anchor,
        root_url=root_url,
        generation=generation,
    )


def render_variant(page, variant: variants.Variant, root_url: str, generation: str) -> Entry | None:
    """The variant of the live ``page`` as an entry, or None if it is not a cacheable 200."""
    if variant.kind == variants.API:
        response = HttpResponse(
            api_body(page, answers=variant.answers, anchor=None, root_url=root_url),
            content_type=JSON,
        )
        etag = api_etag(page, answers=variant.answers, anchor=None, root_url=root_url, generation=generation)
    else:
        from guides.views import serve_guide

        request = anonymous_request(root_url, variant.path, variant.query)
        response = serve_guide(page, request, print_view=variant.kind == variants.PRINT)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return None  # errors, redirects and dated (private) pages are never stored
        response.render()
        etag = caching.make_etag(
            "html",
            variant.kind,
            page.pk,
            page.live_revision_id,
            page.url_path,
            variant.query,
            root_url,
            generation,
        )
        response["Content-Language"] = settings.LANGUAGE_CODE
    response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
    caching.set_public_headers(response, etag=etag, last_modified=page.last_published_at)
    if variant.kind != variants.API:
        # The HTML is the same for every anonymous citizen, not for a logged-in editor.
        del response["Vary"]
        patch_vary_headers(response, HTML_VARY)
    last_modified = int(page.last_published_at.timestamp()) if page.last_published_at else None
    return Entry(
        page_id=page.pk,
        revision_id=page.live_revision_id,
        generation=generation,
        headers=tuple(response.items()),
        body=response.content,
        last_modified=last_modified,
    )
