"""The warm path: pre-rendered variants served from the cache without the database, with the
headers the normal view gives, and only to anonymous citizens."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.delivery import keys, prerender
from tests import caches
from tests.delivery.conftest import ROOT, api, every_variant_url, html

pytestmark = pytest.mark.django_db

COMPARED_HEADERS = (
    "Content-Type",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "X-Frame-Options",
    "Content-Security-Policy",
    "Access-Control-Allow-Origin",
    "Content-Language",
)


def headers(response) -> dict:
    return {name: response.get(name) for name in COMPARED_HEADERS}


def forget(url):
    path, _, query = url.partition("?")
    cache.delete_many([keys.pointer_key(ROOT, path), keys.entry_key(ROOT, path, query)])


@pytest.fixture
def warm(demo):
    assert prerender.warm_all() == 2
    return demo


class TestWarmPath:
    def test_every_variant_is_served_without_a_database_query(self, warm, client, django_assert_num_queries):
        for url in every_variant_url():
            with django_assert_num_queries(0):
                response = client.get(url)
            assert response.status_code == 200, url

    def test_warm_responses_equal_the_rendered_ones_with_the_same_headers(self, warm, client):
        for url in every_variant_url():
            warm_response = client.get(url)
            forget(url)  # the same request on the normal path, rendering afresh
            cold_response = client.get(url)
            assert warm_response.content == cold_response.content, url
            assert headers(warm_response) == headers(cold_response), url

    def test_if_none_match_is_a_304_without_a_query(self, warm, client, django_assert_num_queries):
        url = api("hvis-du-bliver-ledig", "akasse=ja")
        etag = client.get(url)["ETag"]
        with django_assert_num_queries(0):
            response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304 and response["ETag"] == etag

    def test_after_an_emptied_cache_a_miss_is_stored_and_the_next_request_is_warm(
        self, demo, client, django_assert_num_queries
    ):
        caches.clear()
        url = html("hvis-du-bliver-ledig", "akasse=nej&alder=under-30")
        first = client.get(url)
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second.content == first.content


class TestOnlyForAnonymousCitizens:
    def test_a_logged_in_editor_gets_the_normal_rendering_and_it_is_not_stored(self, demo, client, editor):
        client.force_login(editor)
        url = html("hvis-du-bliver-ledig", "akasse=ja")
        response = client.get(url)
        assert response.status_code == 200
        assert cache.get(keys.entry_key(ROOT, "/hvis-du-bliver-ledig/", "akasse=ja")) is None

    def test_a_logged_in_editor_is_not_served_the_cached_page(self, warm, client, editor):
        client.force_login(editor)
        with CaptureQueriesContext(connection) as queries:
            client.get(html("hvis-du-bliver-ledig", "akasse=ja"))
        assert len(queries) > 0  # rendered for her, not replayed from the cache

    def test_dated_pages_are_private_and_never_stored(self, warm, client):
        url = html("hvis-du-bliver-ledig", "akasse=ja&dato=2027-01-04")
        response = client.get(url)
        assert response["Cache-Control"] == "private"
        assert cache.get(keys.entry_key(ROOT, "/hvis-du-bliver-ledig/", "akasse=ja&dato=2027-01-04")) is None

    def test_a_non_canonical_query_is_served_by_the_normal_path_from_the_normalized_entry(self, warm, client):
        canonical = client.get(api("hvis-du-bliver-ledig", "akasse=nej&alder=under-30"))
        reordered = client.get(api("hvis-du-bliver-ledig", "alder=under-30&akasse=NEJ"))
        assert reordered.content == canonical.content
        assert reordered["ETag"] == canonical["ETag"]

    def test_incomplete_answers_are_rendered_not_cached(self, warm, client):
        response = client.get(html("hvis-du-bliver-ledig", "akasse=nej"))
        assert response.status_code == 200
        assert cache.get(keys.entry_key(ROOT, "/hvis-du-bliver-ledig/", "akasse=nej")) is None

    def test_citizen_html_carries_no_per_request_nonce(self, warm, client):
        policy = client.get(html("hvis-du-bliver-ledig", "akasse=ja"))["Content-Security-Policy"]
        assert "nonce-" not in policy
