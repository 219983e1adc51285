"""Case 5, public leaks: what tests/api and tests/citizen already show (drafts, unpublished
and view-restricted guides never served or listed, audiences in the API and HTML), plus:
every audience of a guide with a pending draft, on every public address at once; view
restrictions on an ancestor in the HTML; private-collection documents; and search (there
is no public search, and the admin's is for editors only).
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import get_resolver
from wagtail.models import PageViewRestriction

from guides.audience import NO_ANSWERS
from tests.security.conftest import DRAFT_MARKER, PRIVATE_DOCUMENT_MARKER, UNPUBLISHED_MARKER
from tests.security.test_route_inventory import walk

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def test_every_audience_sees_only_its_live_sections_on_every_public_address(world):
    client = world.client("anonymous")
    guide = world.guide
    document = guide.document  # the live content
    date = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
    audiences = list(document.questionnaire.audiences())
    assert len(audiences) == 3
    for answers in audiences:
        query = answers.query_string()
        shown = {section.heading for section in document.tailor(answers or NO_ANSWERS).sections}
        hidden = {section.heading for section in document.sections} - shown
        responses = {
            "page": client.get(f"{guide.url}?{query}"),
            "print": client.get(f"{guide.url}udskriv/?{query}"),
            "api": client.get(f"/api/v1/guides/{guide.slug}/?{query}"),
            "calendar": client.get(f"{guide.url}kalender.ics?{query}&dato={date}"),
        }
        for where, response in responses.items():
            assert response.status_code == 200, (where, query)
            text = body(response)
            assert DRAFT_MARKER not in text, (where, query)
            if where != "calendar":
                assert all(heading in text for heading in shown), (where, query)
            for heading in hidden:
                assert f">{heading}<" not in text and f'"heading":"{heading}"' not in text, (
                    where,
                    query,
                    heading,
                )


def test_the_unpublished_guide_is_nowhere_public(world):
    client = world.client("anonymous")
    for url in (
        "/",
        "/api/v1/guides/",
        f"/{world.unpublished.slug}/",
        f"/api/v1/guides/{world.unpublished.slug}/",
    ):
        assert UNPUBLISHED_MARKER not in body(client.get(url)), url


def test_a_view_restriction_on_an_ancestor_hides_every_guide_below_it_in_the_html(world):
    PageViewRestriction.objects.create(page=world.home, restriction_type=PageViewRestriction.LOGIN)
    client = world.client("anonymous")
    for url in (world.guide.url, f"{world.guide.url}udskriv/?akasse=ja", f"{world.guide.url}?akasse=ja"):
        response = client.get(url)
        assert response.status_code == 302 and "/_util/login/" in response["Location"], url
    assert world.client("anonymous").get("/api/v1/guides/").json()["count"] == 0


class TestPrivateDocuments:
    def url(self, world):
        return f"/documents/{world.objects['document'].pk}/{world.objects['document_filename']}"

    @pytest.mark.parametrize(
        "role", ["anonymous", "reviewer_b", "agency_admin", "api_consumer", "preview_token"]
    )
    def test_a_private_collections_file_reaches_only_its_group(self, world, role):
        response = world.client(role).get(self.url(world))
        assert response.status_code == 302 and "login" in response["Location"]
        assert PRIVATE_DOCUMENT_MARKER.decode() not in body(response)

    def test_its_group_gets_it(self, world):
        response = world.client("editor").get(self.url(world))
        assert response.status_code == 200
        assert PRIVATE_DOCUMENT_MARKER.decode() in body(response)

    def test_the_file_is_not_served_straight_from_disk(self, world, settings):
        assert not settings.DEBUG
        response = world.client("anonymous").get(f"/media/documents/{world.objects['document_filename']}")
        assert response.status_code == 404


class TestSearch:
    def test_there_is_no_public_search(self, world):
        public = [
            route for route in walk(get_resolver()) if "search" in route and not route.startswith("admin/")
        ]
        assert public == []
        assert world.client("anonymous").get("/search/?q=Guide").status_code == 404
        api = world.client("anonymous").get("/api/v1/guides/?search=Guide")
        assert UNPUBLISHED_MARKER not in body(api) and DRAFT_MARKER not in body(api)

    @pytest.mark.parametrize("role", ["reviewer_a", "reviewer_b", "agency_admin"])
    def test_admin_search_is_for_editors_only(self, world, role):
        for query in (UNPUBLISHED_MARKER, DRAFT_MARKER, "Guide"):
            response = world.client(role).get("/admin/pages/search/", {"q": query})
            assert response.status_code == 403
            assert UNPUBLISHED_MARKER not in body(response) and DRAFT_MARKER not in body(response)

    def test_editors_find_drafts_in_the_admin_search(self, world):
        response = world.client("editor").get("/admin/pages/search/", {"q": "ALDRIG"})
        assert response.status_code == 200
        assert UNPUBLISHED_MARKER in body(response)
