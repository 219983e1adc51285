"""Freshness (RELIABILITY 28): after every change the next request shows it, for every
audience, on the warm and the miss path; drafts and previews never enter the cache."""

import datetime
import io
import json
import random

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision

from guides import serializers
from guides.delivery import prerender
from guides.delivery.render import anonymous_request
from guides.models import Authority
from guides.views import serve_guide
from tests.api.conftest import answers_of, publish_new_revision
from tests.api.test_guides_api import AUDIENCES
from tests.delivery.conftest import ROOT, SLUGS, api, cached_bytes, every_variant_url, html

pytestmark = pytest.mark.django_db


def fill(client):
    """Warm every variant and request each once, so stale copies would be there to serve."""
    prerender.warm_all()
    contents = {}
    for url in every_variant_url():
        response = client.get(url)
        assert response.status_code == 200
        contents[url] = response.content
    return contents


def ledig_urls():
    return [url for url in every_variant_url() if "hvis-du-bliver-ledig" in url]


class TestPublish:
    @pytest.mark.parametrize("after_commit", [False, True], ids=["at-once", "after-commit"])
    def test_a_new_revision_is_served_for_every_audience(
        self, demo, client, after_commit, django_capture_on_commit_callbacks
    ):
        fill(client)
        with django_capture_on_commit_callbacks(execute=after_commit):
            publish_new_revision(demo["hvis-du-bliver-ledig"], title="Markør for ny udgave")
        for url in ledig_urls():
            assert "Markør for ny udgave" in client.get(url).content.decode(), url

    def test_scheduled_publish_is_served_fresh(
        self, demo, client, editor, django_capture_on_commit_callbacks
    ):
        fill(client)
        page = demo["hvis-du-bliver-ledig"]
        revision = page.save_revision(user=editor)  # unchanged content: still signed off
        Revision.objects.filter(pk=revision.pk).update(
            approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", stdout=io.StringIO())
        assert json.loads(client.get(api("hvis-du-bliver-ledig")).content)["revision_id"] == revision.pk
        for slug, query in AUDIENCES[:3]:
            assert json.loads(client.get(api(slug, query)).content)["revision_id"] == revision.pk


class TestRemoval:
    @pytest.mark.parametrize("after_commit", [False, True], ids=["at-once", "after-commit"])
    def test_unpublish_is_404_at_once(self, demo, client, after_commit, django_capture_on_commit_callbacks):
        fill(client)
        with django_capture_on_commit_callbacks(execute=after_commit):
            demo["hvis-du-bliver-ledig"].unpublish()
        for url in ledig_urls():
            assert client.get(url).status_code == 404, url

    def test_a_view_restriction_stops_serving_it(self, demo, client, django_capture_on_commit_callbacks):
        before = fill(client)
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(
                page=demo["hvis-du-bliver-ledig"], restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
        for url in ledig_urls():
            response = client.get(url)
            if url.startswith("/api/"):
                assert response.status_code == 404, url
            else:  # Wagtail's password form instead of the guide
                assert response.content != before[url] and b'name="password"' in response.content, url

    def test_a_restriction_on_an_ancestor_stops_serving_it(self, demo, client, home):
        fill(client)
        PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
        assert client.get(api("hvis-du-bliver-ledig", "akasse=ja")).status_code == 404
        assert client.get(html("hvis-du-bliver-ledig", "akasse=ja")).status_code == 302


class TestAuthorityRename:
    @pytest.mark.parametrize("after_commit", [False, True], ids=["at-once", "after-commit"])
    def test_a_renamed_authority_is_served_fresh_with_a_new_etag(
        self, demo, client, after_commit, django_capture_on_commit_callbacks
    ):
        fill(client)
        old_etag = client.get(api("hvis-du-bliver-ledig", "akasse=ja"))["ETag"]
        authority = Authority.objects.get(code="skat")
        authority.name = "Skattestyrelsen Omdøbt"
        with django_capture_on_commit_callbacks(execute=after_commit):
            authority.save()
        response = client.get(api("hvis-du-bliver-ledig", "akasse=ja"), HTTP_IF_NONE_MATCH=old_etag)
        assert response.status_code == 200 and response["ETag"] != old_etag
        for url in every_variant_url():
            if "udskriv" in url or (url.startswith("/hvis") and "?" not in url) or "naar-du" in url:
                continue  # the print view and the questions name no authorities
            assert "Skattestyrelsen Omdøbt" in client.get(url).content.decode(), url


def preview_modes(page) -> list[str]:
    return [name for name, _ in page.preview_modes]


def uncached_render(page, url):
    path, _, query = url.partition("?")
    if path.startswith("/api/"):
        data = serializers.serialize_guide(
            page.document,
            answers=answers_of(query) if query else None,
            anchor=None,
            root_url=ROOT,
            revision_id=page.live_revision_id,
        )
        return serializers.render_json(data)
    response = serve_guide(page, anonymous_request(ROOT, path, query), print_view="udskriv" in path)
    return response.render().content


def test_every_audience_in_random_order_matches_an_uncached_render(demo, client):
    """RELIABILITY 28: warm, miss and conditional requests in any order never give one
    audience another audience's (or a stale) representation, in JSON or HTML."""
    prerender.warm_all()
    requests = [url for url in every_variant_url() for _ in range(3)]
    random.Random(2828).shuffle(requests)
    etags = {}
    for url in requests:
        response = client.get(url, HTTP_IF_NONE_MATCH=etags.get(url, '"none"'))
        if response.status_code == 304:
            assert response["ETag"] == etags[url]
            continue
        slug = next(slug for slug in SLUGS if f"/{slug}/" in url)
        assert response.content == uncached_render(demo[slug], url), url
        etags[url] = response["ETag"]


class TestNoDraftsOrPreviewsInTheCache:
    MARKER = "Kladde-markør-5074"

    def draft(self, demo, editor):
        page = demo["hvis-du-bliver-ledig"].get_latest_revision_as_object()
        page.intro = self.MARKER
        return page.save_revision(user=editor)

    def assert_not_cached(self):
        assert not any(self.MARKER.encode() in value for value in cached_bytes())

    def test_previewing_a_draft_in_the_admin_stores_nothing(self, demo, client, editor):
        from tests.editorial.test_preview import open_preview, show

        fill(client)
        client.force_login(editor)
        page = demo["hvis-du-bliver-ledig"]
        open_preview(client, page, intro=self.MARKER)
        for mode in preview_modes(page):
            assert self.MARKER in show(client, page, mode).content.decode()
        client.logout()
        for url in ledig_urls():
            assert self.MARKER not in client.get(url).content.decode()
        self.assert_not_cached()

    def test_an_api_preview_token_stores_nothing(self, demo, client, editor):
        from guides.api import preview

        fill(client)
        revision = self.draft(demo, editor)
        token, _ = preview.issue(revision.object_id and int(revision.object_id), revision.pk)
        for query in ("", "akasse=ja"):
            response = client.get(api("hvis-du-bliver-ledig", query), HTTP_AUTHORIZATION=f"Bearer {token}")
            assert self.MARKER in response.content.decode()
        self.assert_not_cached()
        assert self.MARKER not in client.get(api("hvis-du-bliver-ledig")).content.decode()
