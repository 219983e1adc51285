"""Draft preview for headless front ends: signed, expiring tokens issued in the admin."""

import datetime
import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from guides.api import preview
from guides.api.schemas import GuideDetail, Problem
from tests.api.conftest import body, guide_url
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LEDIG = "hvis-du-bliver-ledig"


@pytest.fixture
def draft(demo):
    """An unpublished revision of the unemployment guide with a new title and section heading."""
    page = demo[LEDIG].get_latest_revision_as_object()
    page.title = "Kladde: Hvis du bliver ledig"
    page.body[0].value["heading"] = "Kladdeoverskrift"
    revision = page.save_revision()
    return revision


def token_for(revision, **kwargs):
    return preview.issue(int(revision.object_id), revision.pk, **kwargs)[0]


class TestReadingADraft:
    def test_token_in_the_authorization_header_reads_the_draft_revision(self, draft, client):
        response = client.get(guide_url(LEDIG), HTTP_AUTHORIZATION=f"Bearer {token_for(draft)}")
        data = body(response)
        GuideDetail.model_validate(data)
        assert response.status_code == 200
        assert data["preview"] is True
        assert data["revision_id"] == draft.pk
        assert data["title"] == "Kladde: Hvis du bliver ledig"
        assert data["sections"][0]["heading"] == "Kladdeoverskrift"

    def test_token_as_query_parameter_works_too_and_can_be_filtered(self, draft, client):
        response = client.get(guide_url(LEDIG), {"preview_token": token_for(draft), "akasse": "ja"})
        data = body(response)
        assert response.status_code == 200
        assert data["filtered"] is True and data["answers"] == {"akasse": "ja"}
        assert data["title"].startswith("Kladde")

    def test_preview_responses_are_private_and_carry_no_validators(self, draft, client):
        response = client.get(guide_url(LEDIG), HTTP_AUTHORIZATION=f"Bearer {token_for(draft)}")
        assert response["Cache-Control"] == "private, no-store"
        assert not response.has_header("ETag") and not response.has_header("Last-Modified")

    def test_a_public_etag_never_turns_a_preview_into_a_304(self, draft, client):
        etag = client.get(guide_url(LEDIG))["ETag"]
        response = client.get(
            guide_url(LEDIG), HTTP_IF_NONE_MATCH=etag, HTTP_AUTHORIZATION=f"Bearer {token_for(draft)}"
        )
        assert response.status_code == 200
        assert body(response)["preview"] is True

    def test_the_public_api_still_serves_the_live_revision(self, draft, client):
        client.get(guide_url(LEDIG), HTTP_AUTHORIZATION=f"Bearer {token_for(draft)}")
        data = body(client.get(guide_url(LEDIG)))
        assert data["preview"] is False
        assert data["title"] == "Hvis du bliver ledig"

    def test_a_never_published_guide_can_be_previewed(self, home, authorities, editor, client):
        from tests.factories import guide_data, make_guide

        page = make_guide(home, guide_data("ny-guide"), publish=False, user=editor)
        assert client.get(guide_url("ny-guide")).status_code == 404
        data = body(client.get(guide_url("ny-guide"), {"preview_token": token_for(page.latest_revision)}))
        assert data["preview"] is True and data["last_published_at"] is None

    def test_preview_answers_are_validated_like_public_ones(self, draft, client):
        response = client.get(guide_url(LEDIG), {"preview_token": token_for(draft), "akasse": "nej"})
        assert response.status_code == 400
        assert body(response)["errors"][0]["code"] == "missing_answer"


class TestRefusedTokens:
    def problem(self, response, status):
        data = body(response)
        Problem.model_validate(data)
        assert response.status_code == status
        assert response["Cache-Control"] == "no-store"
        assert "Kladde" not in response.content.decode()
        return data

    def test_expired_token_is_401(self, draft, client):
        token = token_for(draft, now=timezone.now() - datetime.timedelta(hours=2))
        data = self.problem(client.get(guide_url(LEDIG), HTTP_AUTHORIZATION=f"Bearer {token}"), 401)
        assert data["errors"][0]["code"] == "expired_preview_token"
        assert "expired" in data["detail"]

    def test_lifetime_comes_from_settings(self, draft, client, settings):
        settings.API_PREVIEW_TOKEN_LIFETIME = 60
        token = token_for(draft, now=timezone.now() - datetime.timedelta(seconds=61))
        self.problem(client.get(guide_url(LEDIG), {"preview_token": token}), 401)

    def test_tampered_token_is_403(self, draft, client):
        token = token_for(draft)
        _payload, rest = token.split(":", 1)
        forged = signing.b64_encode(b'{"p":1,"r":1,"exp":99999999999}').decode() + ":" + rest
        for bad in (forged, token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "nonsense"):
            data = self.problem(client.get(guide_url(LEDIG), HTTP_AUTHORIZATION=f"Bearer {bad}"), 403)
            assert data["errors"][0]["code"] == "invalid_preview_token"

    def test_token_signed_for_another_purpose_is_403(self, draft, client):
        other = signing.dumps({"p": int(draft.object_id), "r": draft.pk, "exp": 9999999999})
        self.problem(client.get(guide_url(LEDIG), {"preview_token": other}), 403)

    def test_token_for_another_guide_is_403(self, draft, client):
        data = self.problem(
            client.get(guide_url("naar-du-faar-nyt-job"), HTTP_AUTHORIZATION=f"Bearer {token_for(draft)}"),
            403,
        )
        assert data["errors"][0]["code"] == "foreign_preview_token"

    def test_token_naming_a_revision_of_another_page_is_403(self, demo, draft, client):
        other_revision = demo["naar-du-faar-nyt-job"].live_revision
        token = preview.issue(int(draft.object_id), other_revision.pk)[0]
        self.problem(client.get(guide_url(LEDIG), {"preview_token": token}), 403)

    def test_token_for_a_deleted_revision_is_403(self, draft, client):
        token = token_for(draft)
        draft.delete()
        self.problem(client.get(guide_url(LEDIG), {"preview_token": token}), 403)

    def test_two_different_tokens_are_400(self, draft, client):
        response = client.get(
            guide_url(LEDIG), {"preview_token": token_for(draft)}, HTTP_AUTHORIZATION="Bearer other"
        )
        assert self.problem(response, 400)["errors"][0]["code"] == "ambiguous_preview_token"

    def test_other_authorization_schemes_are_ignored(self, demo, client):
        response = client.get(guide_url(LEDIG), HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
        assert response.status_code == 200
        assert body(response)["preview"] is False


def admin_client(username):
    client = Client()
    assert client.login(username=username, password="vejviser-demo")
    return client


class TestIssuingInTheAdmin:
    def url(self, page):
        return reverse("guides_api_preview_token", args=[page.pk])

    def test_edit_view_of_a_guide_has_the_preview_button(self, demo):
        page = demo[LEDIG]
        html = (
            admin_client("redaktoer").get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        )
        assert self.url(page) in html

    def test_editor_gets_a_token_expiry_and_working_example_url(self, demo, draft):
        page = demo[LEDIG]
        client = admin_client("redaktoer")
        form = client.get(self.url(page))
        assert form.status_code == 200
        assert f'value="{draft.pk}"' in form.content.decode()
        response = client.post(self.url(page), {"revision": draft.pk})
        html = response.content.decode()
        assert response.status_code == 200
        token = re.search(r"data-preview-token>([^<]+)</textarea>", html).group(1)
        grant = preview.read(token)
        assert (grant.page_id, grant.revision_id) == (page.pk, draft.pk)
        assert timezone.now() + datetime.timedelta(minutes=59) < grant.expires_at
        assert grant.expires_at <= timezone.now() + datetime.timedelta(hours=1)
        example = re.search(r'<a href="(http://testserver/api/v1/guides/[^"]+)"', html).group(1)
        data = body(Client().get(example.replace("&amp;", "&")))
        assert data["revision_id"] == draft.pk and data["preview"] is True
        assert 'curl -H "Authorization: Bearer' in html

    def test_issuing_a_token_is_logged_in_the_page_history(self, demo, draft):
        admin_client("redaktoer").post(self.url(demo[LEDIG]), {"revision": draft.pk})
        entry = PageLogEntry.objects.filter(action="guides.api_preview_token").get()
        assert entry.page_id == demo[LEDIG].pk
        assert entry.user.username == "redaktoer"
        assert entry.revision_id == draft.pk

    def test_revision_of_another_page_is_refused(self, demo):
        other = demo["naar-du-faar-nyt-job"].live_revision
        response = admin_client("redaktoer").post(self.url(demo[LEDIG]), {"revision": other.pk})
        assert response.status_code == 400
        assert "data-preview-token" not in response.content.decode()

    @pytest.mark.parametrize("username", ["godkender-kl", "godkender-digst"])
    def test_reviewer_who_may_not_edit_gets_no_token(self, demo, draft, username):
        client = admin_client(username)
        # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard.
        for response in (
            client.get(self.url(demo[LEDIG])),
            client.post(self.url(demo[LEDIG]), {"revision": draft.pk}),
        ):
            assert (response.status_code, response["Location"]) == (302, "/admin/")
        html = client.get(reverse("wagtailadmin_pages:edit", args=[demo[LEDIG].pk]), follow=True)
        assert self.url(demo[LEDIG]) not in html.content.decode()
        assert not PageLogEntry.objects.filter(action="guides.api_preview_token").exists()

    def test_anonymous_user_is_sent_to_the_login(self, demo):
        response = Client().get(self.url(demo[LEDIG]))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]

    def test_post_without_csrf_token_is_refused(self, demo, draft):
        client = Client(enforce_csrf_checks=True)
        client.login(username="redaktoer", password="vejviser-demo")
        assert client.post(self.url(demo[LEDIG]), {"revision": draft.pk}).status_code == 403


def test_factories_password_is_not_the_demo_password():
    # The admin tests above log in as demo users, whose password is the demo default.
    assert PASSWORD != "vejviser-demo"
