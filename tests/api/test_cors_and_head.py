"""A browser front end on another origin, monitors and CDN probes (issue 17): CORS through
django-cors-headers (preflight for a preview token and revalidation), and HEAD wherever
GET is under /api/."""

import pytest
from django.test import override_settings

from tests.api.conftest import API, guide_url

pytestmark = pytest.mark.django_db

LEDIG = guide_url("hvis-du-bliver-ledig")
LIST = f"{API}/guides/"
FRONT_END = "https://www.borger.dk"


def preflight(client, url, origin=FRONT_END, headers="authorization, if-none-match"):
    return client.options(
        url,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


def header_set(response, name):
    return {part.strip().lower() for part in response.get(name, "").split(",") if part.strip()}


class TestCors:
    @pytest.mark.parametrize("url", [LIST, LEDIG])
    def test_a_preflight_for_a_preview_token_and_revalidation_is_answered(self, demo, client, url):
        response = preflight(client, url)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert {"authorization", "if-none-match"} <= header_set(response, "Access-Control-Allow-Headers")
        assert "GET" in response["Access-Control-Allow-Methods"]
        assert int(response["Access-Control-Max-Age"]) >= 600

    def test_a_cross_origin_get_may_read_the_validators(self, demo, client):
        response = client.get(LEDIG, HTTP_ORIGIN=FRONT_END)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert {"etag", "last-modified"} <= header_set(response, "Access-Control-Expose-Headers")

    def test_with_every_origin_allowed_the_response_does_not_vary_by_origin(self, demo, client):
        """One copy in a CDN serves every origin, also one stored for a request without Origin."""
        without = client.get(LEDIG)
        with_origin = client.get(LEDIG, HTTP_ORIGIN=FRONT_END)
        for response in (without, with_origin):
            assert response["Access-Control-Allow-Origin"] == "*"
            assert "origin" not in header_set(response, "Vary")

    def test_allowed_origins_from_the_setting_are_named_and_others_refused(self, demo, client):
        with override_settings(CORS_ALLOW_ALL_ORIGINS=False, CORS_ALLOWED_ORIGINS=[FRONT_END]):
            allowed = preflight(client, LEDIG)
            other = preflight(client, LEDIG, origin="https://example.org")
            get = client.get(LEDIG, HTTP_ORIGIN=FRONT_END)
        assert allowed["Access-Control-Allow-Origin"] == FRONT_END
        assert "Access-Control-Allow-Origin" not in other
        assert get["Access-Control-Allow-Origin"] == FRONT_END
        assert "origin" in header_set(get, "Vary")

    def test_cors_is_only_for_the_api(self, demo, client):
        response = client.get("/hvis-du-bliver-ledig/", HTTP_ORIGIN=FRONT_END)
        assert "Access-Control-Allow-Origin" not in response


class TestHead:
    @pytest.mark.parametrize("url", [LIST, LEDIG, LEDIG + "?akasse=ja", f"{API}/openapi.json"])
    def test_head_answers_like_get_without_a_body(self, demo, client, url):
        get = client.get(url)
        head = client.head(url)
        assert head.status_code == get.status_code == 200
        assert head.content == b""
        assert head["Content-Length"] == str(len(get.content))
        assert head["Content-Type"] == get["Content-Type"]
        for name in ("ETag", "Last-Modified", "Cache-Control"):
            assert head.get(name) == get.get(name)

    def test_head_of_a_conditional_request_is_a_304(self, demo, client):
        etag = client.get(LEDIG)["ETag"]
        assert client.head(LEDIG, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_head_of_an_unknown_guide_is_a_404_without_a_body(self, demo, client):
        response = client.head(guide_url("findes-ikke"))
        assert response.status_code == 404
        assert response.content == b""

    def test_other_methods_are_still_refused(self, demo, client):
        assert client.post(LEDIG).status_code == 405
