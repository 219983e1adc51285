"""HTTP caching: validators, 304s, CDN headers, and fresh representations after publishing."""

import datetime
import random

import pytest
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import PageLogEntry, PageViewRestriction

from guides import caching, serializers
from guides.models import GuidePage
from tests.api.conftest import API, answers_of, body, guide_url, publish_new_revision
from tests.api.test_guides_api import AUDIENCES

pytestmark = pytest.mark.django_db

LEDIG = guide_url("hvis-du-bliver-ledig")
LIST = f"{API}/guides/"
WARM_PATH = "guides.delivery.middleware.DeliveryMiddleware"


@pytest.fixture(autouse=True, params=["warm-path", "view"])
def delivery_path(request, settings):
    """Every test here runs twice: as deployed (the warm path answers what it can from the
    cache) and with the warm path off, so that the API view's own conditional path (its 304
    branch) is what answers."""
    if request.param == "view":
        settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != WARM_PATH]
    return request.param


class TestHeaders:
    @pytest.mark.parametrize("url", [LIST, LEDIG, LEDIG + "?akasse=ja"])
    def test_public_responses_are_cacheable_by_a_cdn(self, demo, client, url):
        response = client.get(url)
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert "public" in cache_control
        assert {p.split("=")[0] for p in cache_control} >= {"max-age", "s-maxage", "stale-while-revalidate"}
        assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
        assert response["Last-Modified"]
        assert "Authorization" in response["Vary"]
        assert "Accept-Language" not in response["Vary"] and "Cookie" not in response["Vary"]
        assert response["Access-Control-Allow-Origin"] == "*"

    def test_errors_carry_no_empty_vary_header(self, demo, client):
        response = client.get("/api/v1/guides/hvis-du-bliver-ledig/?akasse=nej")
        assert response.status_code == 400
        assert response.get("Vary", "missing").strip() != ""

    def test_last_modified_is_the_last_publish(self, demo, client):
        page = demo["hvis-du-bliver-ledig"]
        assert client.get(LEDIG)["Last-Modified"] == http_date(page.last_published_at.timestamp())

    def test_errors_are_not_stored(self, demo, client):
        assert client.get(LEDIG + "?akasse=x")["Cache-Control"] == "no-store"
        assert client.get(guide_url("findes-ikke"))["Cache-Control"] == "no-store"

    def test_cache_lifetimes_come_from_settings(self, demo, client, settings):
        settings.API_CACHE = {"max_age": 5, "s_maxage": 7}
        cache_control = client.get(LEDIG)["Cache-Control"]
        assert "max-age=5" in cache_control and "s-maxage=7" in cache_control


class TestConditionalRequests:
    @pytest.mark.parametrize("url", [LIST, LEDIG, LEDIG + "?akasse=nej&alder=under-30&dato=2026-12-01"])
    def test_if_none_match_gives_304_without_a_body(self, demo, client, url):
        etag = client.get(url)["ETag"]
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == etag
        assert "public" in response["Cache-Control"]

    @pytest.mark.parametrize("url", [LIST, LEDIG])
    def test_if_modified_since_gives_304(self, demo, client, url):
        last_modified = client.get(url)["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    def test_if_none_match_wins_over_if_modified_since(self, demo, client):
        last_modified = client.get(LEDIG)["Last-Modified"]
        response = client.get(LEDIG, HTTP_IF_NONE_MATCH='"stale"', HTTP_IF_MODIFIED_SINCE=last_modified)
        assert response.status_code == 200

    def test_a_304_costs_no_serialization(self, demo, client, monkeypatch, delivery_path):
        etag = client.get(LEDIG)["ETag"]
        monkeypatch.setattr(serializers, "serialize_guide", lambda *a, **k: pytest.fail("serialized"))
        answered_by_the_view = []
        original = caching.not_modified

        def spy(*args, **kwargs):
            response = original(*args, **kwargs)
            answered_by_the_view.append(response is not None)
            return response

        monkeypatch.setattr(caching, "not_modified", spy)
        assert client.get(LEDIG, HTTP_IF_NONE_MATCH=etag).status_code == 304
        if delivery_path == "view":
            assert answered_by_the_view == [True]

    def test_invalid_answers_are_400_even_with_a_matching_etag(self, demo, client):
        etag = client.get(LEDIG)["ETag"]
        assert client.get(LEDIG + "?akasse=x", HTTP_IF_NONE_MATCH=etag).status_code == 400

    def test_each_audience_and_date_has_its_own_etag(self, demo, client):
        urls = [
            LEDIG,
            *(f"{guide_url(slug)}?{query}" for slug, query in AUDIENCES),
            LEDIG + "?dato=2026-12-01",
        ]
        etags = [client.get(url)["ETag"] for url in urls]
        assert len(set(etags)) == len(etags)

    def test_equivalent_queries_share_an_etag(self, demo, client):
        assert (
            client.get(LEDIG + "?alder=under-30&akasse=nej")["ETag"]
            == client.get(LEDIG + "?akasse=NEJ&alder=under-30")["ETag"]
        )


class TestChangesOnPublish:
    def test_publish_changes_the_etag_and_ends_the_304s(self, demo, client):
        old = client.get(LEDIG)
        publish_new_revision(demo["hvis-du-bliver-ledig"], intro="En ny intro.")
        response = client.get(LEDIG, HTTP_IF_NONE_MATCH=old["ETag"])
        assert response.status_code == 200
        assert response["ETag"] != old["ETag"]
        assert body(response)["intro"] == "En ny intro."

    def test_list_etag_changes_on_publish_unpublish_and_restriction(self, demo, client):
        etags = [client.get(LIST)["ETag"]]
        publish_new_revision(demo["naar-du-faar-nyt-job"], intro="Ændret.")
        etags.append(client.get(LIST)["ETag"])
        demo["naar-du-faar-nyt-job"].refresh_from_db()
        demo["naar-du-faar-nyt-job"].unpublish()
        etags.append(client.get(LIST)["ETag"])
        PageViewRestriction.objects.create(
            page=demo["hvis-du-bliver-ledig"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        etags.append(client.get(LIST)["ETag"])
        assert len(set(etags)) == 4

    def test_list_is_not_304_after_an_unpublish_even_by_date(self, demo, client):
        an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
        GuidePage.objects.update(last_published_at=an_hour_ago)
        PageLogEntry.objects.update(timestamp=an_hour_ago)
        last_modified = client.get(LIST)["Last-Modified"]
        assert last_modified == http_date(an_hour_ago.timestamp())
        assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
        GuidePage.objects.get(slug="naar-du-faar-nyt-job").unpublish()
        response = client.get(LIST, HTTP_IF_MODIFIED_SINCE=last_modified)
        assert response.status_code == 200
        assert [guide["slug"] for guide in body(response)["results"]] == ["hvis-du-bliver-ledig"]

    def test_unpublished_guide_is_404_for_an_old_etag(self, demo, client):
        etag = client.get(LEDIG)["ETag"]
        demo["hvis-du-bliver-ledig"].unpublish()
        assert client.get(LEDIG, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_every_audience_in_random_order_matches_an_uncached_render(demo, client):
    """RELIABILITY 28: with validators and conditional requests in play, no audience ever
    receives another audience's (or a stale) representation."""
    requests = [(slug, query) for slug, query in AUDIENCES for _ in range(3)]
    requests += [("hvis-du-bliver-ledig", ""), ("naar-du-faar-nyt-job", "")]
    random.Random(28).shuffle(requests)
    seen_etags = {}
    for slug, query in requests:
        url = guide_url(slug) + (f"?{query}" if query else "")
        response = client.get(url, HTTP_IF_NONE_MATCH=seen_etags.get(url, '"none"'))
        if response.status_code == 304:
            assert response["ETag"] == seen_etags[url]
            continue
        page = demo[slug]
        expected = serializers.serialize_guide(
            page.document,
            answers=answers_of(query) if query else None,
            anchor=None,
            root_url="http://testserver",
            revision_id=page.live_revision_id,
        )
        assert body(response) == json_roundtrip(expected)
        seen_etags[url] = response["ETag"]


def json_roundtrip(data):
    import json

    return json.loads(serializers.render_json(data))
