"""Helpers for the delivery tests: the test client's root URL is a delivery root, the cache's
raw contents, and the addresses of every variant of the demo guides."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from tests.api.test_guides_api import AUDIENCES

ROOT = "http://testserver"
SLUGS = ("hvis-du-bliver-ledig", "naar-du-faar-nyt-job")


@pytest.fixture(autouse=True)
def _testserver_is_a_delivery_root(settings):
    settings.VEJVISER_DELIVERY_ROOT_URLS = [ROOT]


@pytest.fixture
def client():
    return Client()


def api(slug: str, query: str = "") -> str:
    return f"/api/v1/guides/{slug}/" + (f"?{query}" if query else "")


def html(slug: str, query: str = "", *, print_view: bool = False) -> str:
    return f"/{slug}/" + ("udskriv/" if print_view else "") + (f"?{query}" if query else "")


def every_variant_url() -> list[str]:
    """Every undated public address of the demo guides (what pre-rendering covers)."""
    urls = [api(slug) for slug in SLUGS] + [html(slug) for slug in SLUGS]
    for slug, query in AUDIENCES:
        urls += [api(slug, query), html(slug, query), html(slug, query, print_view=True)]
    return urls


def cached_bytes() -> list[bytes]:
    """Every value in the default cache, raw (pickled) — for searching for a marker."""
    backend = cache._cache if hasattr(cache, "_cache") else None
    if isinstance(backend, dict):  # LocMemCache
        return list(backend.values())
    client = cache._cache.get_client(None, write=False)  # RedisCache
    return [client.get(key) or b"" for key in client.scan_iter()]
