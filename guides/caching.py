"""HTTP caching for the public API: validators, Cache-Control and conditional requests.

ETags are derived from what decides a representation, never from its bytes, so a
``304 Not Modified`` costs one page query and no serialization:

- a guide: the API version, the page id, its live revision id and URL path, the
  normalized answers, the anchor date, the site's root URL and the delivery generation
  (replaced when an authority's name changes: it appears in every section);
- the list: the API version, the root URL and every listed guide's id, live revision
  id and URL path.

Every publish changes the live revision id and every unpublish (or new view
restriction) removes the guide, so both change the ETag. Preview responses are never
cached and carry no validators.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from guides.serializers import API_VERSION

PUBLIC_DEFAULTS = {"max_age": 60, "s_maxage": 300, "stale_while_revalidate": 60, "stale_if_error": 86400}
PRIVATE_CACHE_CONTROL = "private, no-store"
ERROR_CACHE_CONTROL = "no-store"


def public_cache_control() -> str:
    """``Cache-Control`` for public responses; tune with the ``API_CACHE`` setting."""
    values = {**PUBLIC_DEFAULTS, **getattr(settings, "API_CACHE", {})}
    return (
        f"public, max-age={int(values['max_age'])}, s-maxage={int(values['s_maxage'])}, "
        f"stale-while-revalidate={int(values['stale_while_revalidate'])}, "
        f"stale-if-error={int(values['stale_if_error'])}"
    )


def make_etag(*parts) -> str:
    digest = hashlib.sha256("\x1f".join(str(part) for part in (API_VERSION, *parts)).encode()).hexdigest()
    return f'"v{API_VERSION}-{digest[:32]}"'


def guide_etag(page, *, answers_query: str, anchor, root_url: str, generation: str) -> str:
    return make_etag(
        "guide",
        page.pk,
        page.live_revision_id,
        page.url_path,
        answers_query,
        anchor or "",
        root_url,
        generation,
    )


def list_etag(pages, *, root_url: str) -> str:
    return make_etag(
        "list", root_url, *(f"{page.pk}:{page.live_revision_id}:{page.url_path}" for page in pages)
    )


def set_public_headers(response, *, etag: str, last_modified) -> None:
    response["Cache-Control"] = public_cache_control()
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    # A request with a preview token gets a different (private) representation.
    patch_vary_headers(response, ["Authorization"])


def set_private_headers(response) -> None:
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    patch_vary_headers(response, ["Authorization"])


def not_modified(request, validators_response, *, etag: str, last_modified):
    """A 304 (or 412) for a conditional GET, judged as RFC 9110 says (ETag first), or None
    when the consumer's copy is out of date."""
    result = get_conditional_response(
        request,
        etag=etag,
        last_modified=int(last_modified.timestamp()) if last_modified is not None else None,
        response=validators_response,
    )
    # Django hands the given response back unchanged when no condition applies.
    return None if result is validators_response else result
