"""Cases 2–4: reviewer B (Skattestyrelsen) against authority A's (KL's) objects, by id.

- 2, IDOR sweep: every admin endpoint that takes a page, revision, task or request id
  refuses (403/404, or Wagtail's redirect to the dashboard), shows none of A's draft, and
  changes nothing; refused sign-off attempts are logged.
- 3, preview POST (the CVE-2026-25517 pattern): a crafted preview of A's guide is refused
  and nothing is stored for a later GET.
- 4, block-level writes (CVE-2024-32882; ASVS 8.2.3): B's changes to A's section through
  the page editor, revert, the admin API and bulk actions are refused and no revision is
  saved. Reviewers have no page permissions at all, so this is proven per write endpoint.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from guides.models import GuidePage
from guides.signoff.models import SignOffEvent, SignOffRequest
from tests.admin_forms import guide_form_data
from tests.security.conftest import DRAFT_MARKER

pytestmark = pytest.mark.django_db


def snapshot(world):
    page = GuidePage.objects.get(pk=world.guide.pk)
    return {
        "revisions": sorted(
            Revision.page_revisions.filter(object_id=str(page.pk)).values_list("pk", "content")
        ),
        "live_revision": page.live_revision_id,
        "latest_revision": page.latest_revision_id,
        "locked": page.locked,
        "title": page.title,
        "workflow": sorted(WorkflowState.objects.for_instance(page).values_list("pk", "status")),
        "requests": sorted(SignOffRequest.objects.values_list("pk", "status")),
        "pages": GuidePage.objects.count(),
    }


def refused(response) -> bool:
    location = response.get("Location", "").split("?")[0]
    return response.status_code in (403, 404, 405) or (response.status_code == 302 and location == "/admin/")


def tampered_form(world):
    """The page editor's POST with the KL section rewritten, as B would craft it."""
    content = world.guide.get_latest_revision_as_object()
    raw = content.body.get_prep_value()
    for block in raw:
        if block["value"]["heading"] == "Afsnit ung":
            block["value"]["heading"] = "Skat har overtaget dette afsnit"
            block["value"]["content"][0]["value"] = "<p>Skrevet af Skattestyrelsen uden lov</p>"
    content.body = raw
    return guide_form_data(content)


def idor_requests(world):
    """(method, url, data) for every endpoint that takes an id of A's objects."""
    v = world.url_values()
    page, task_state, rev, live = v["guide"], v["task_state"], v["latest_revision"], v["live_revision"]
    form = tampered_form(world)
    return [
        ("GET", f"/admin/pages/{page}/edit/", None),
        ("POST", f"/admin/pages/{page}/edit/", form),
        ("POST", f"/admin/pages/{page}/edit/", {**form, "action-publish": "action-publish"}),
        ("POST", f"/admin/pages/{page}/edit/", {**form, "action-submit": "action-submit"}),
        ("GET", f"/admin/pages/{page}/view_draft/", None),
        ("GET", f"/admin/pages/{page}/revisions/{rev}/view/", None),
        ("GET", f"/admin/pages/{page}/revisions/compare/{live}...{rev}/", None),
        ("GET", f"/admin/pages/{page}/revisions/compare/earliest...latest/", None),
        ("GET", f"/admin/pages/{page}/revisions/{live}/revert/", None),
        ("POST", f"/admin/pages/{page}/revisions/{live}/revert/", {**form, "revision": str(live)}),
        ("POST", f"/admin/pages/{page}/revisions/{rev}/unschedule/", {}),
        ("GET", f"/admin/pages/{page}/history/", None),
        ("GET", f"/admin/pages/{page}/history/results/", None),
        ("GET", f"/admin/pages/{page}/workflow_history/", None),
        ("GET", f"/admin/pages/{page}/workflow_history/detail/{v['workflow_state']}/", None),
        ("GET", f"/admin/pages/{page}/copy/", None),
        (
            "POST",
            f"/admin/pages/{page}/copy/",
            {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": v["home"]},
        ),
        ("POST", f"/admin/pages/{page}/move/{v['home']}/confirm/", {}),
        ("POST", f"/admin/pages/{page}/delete/", {}),
        ("POST", f"/admin/pages/{page}/unpublish/", {}),
        ("POST", f"/admin/pages/{page}/lock/", {}),
        ("POST", f"/admin/pages/{page}/privacy/", {"restriction_type": "none"}),
        ("GET", f"/admin/pages/{page}/usage/", None),
        ("POST", f"/admin/pages/workflow/action/{page}/approve/{task_state}/", {"comment": "ok"}),
        ("GET", f"/admin/pages/workflow/collect_action_data/{page}/approve/{task_state}/", None),
        ("POST", f"/admin/pages/workflow/confirm_cancellation/{page}/", {}),
        ("GET", f"/admin/pages/workflow/preview/{page}/{v['task']}/", None),
        ("GET", f"/admin/api/main/pages/{page}/", None),
        ("POST", f"/admin/api/main/pages/{page}/action/publish/", {}),
        ("POST", f"/admin/api/main/pages/{page}/action/copy/", {"destination_page_id": v["home"]}),
        ("POST", f"/admin/bulk/wagtailcore/page/publish/?id={page}", {"include_descendants": ""}),
        ("POST", f"/admin/bulk/wagtailcore/page/delete/?id={page}", {}),
        ("GET", f"/admin/guides/{page}/api-preview/", None),
        ("POST", f"/admin/guides/{page}/api-preview/", {"revision": str(rev)}),
        ("GET", f"/admin/godkendelse/runde/{task_state}/", None),
        ("POST", f"/admin/godkendelse/afgoerelse/{v['request']}/", {"decision": "approve"}),
        (
            "POST",
            f"/admin/godkendelse/afgoerelse/{v['request']}/",
            {"decision": "request_changes", "comment": "Nej"},
        ),
        (
            "POST",
            f"/admin/godkendelse/noedudgivelse/{page}/",
            {"reason": "B vil udgive A's tekst uden godkendelse."},
        ),
        ("GET", f"/admin/vejviser/reports/coverage/{page}/", None),
    ]


@pytest.mark.parametrize("role", ["reviewer_b", "agency_admin"])
def test_other_authoritys_reviewer_gets_nothing_by_id_and_changes_nothing(world, role):
    client = world.client(role)
    before = snapshot(world)
    failures = []
    for method, url, data in idor_requests(world):
        response = client.post(url, data) if method == "POST" else client.get(url)
        if not refused(response):
            failures.append(f"{method} {url}: {response.status_code} {response.get('Location', '')}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if DRAFT_MARKER.encode() in body:
            failures.append(f"{method} {url}: shows A's draft")
    assert not failures, "\n".join(failures)
    assert snapshot(world) == before


def test_refused_sign_off_attempts_are_logged_with_who_and_what(world):
    client = world.client("reviewer_b")
    client.get(reverse("signoff:review", args=[world.task_state.pk]))
    client.post(reverse("signoff:decide", args=[world.request.pk]), {"decision": "approve"})
    attempts = SignOffEvent.objects.filter(
        action=SignOffEvent.ATTEMPT_REFUSED, user=world.users["reviewer_b"]
    )
    assert attempts.count() == 2
    decide = attempts.exclude(section_id="").get()
    assert (decide.section_id, decide.authority_code) == (world.request.section_id, "kl")
    assert decide.data["reason"] == "NotAReviewer"


class TestPreviewPost:
    """CVE-2026-25517: Wagtail's preview endpoint takes POSTed form data and renders it."""

    def test_crafted_preview_of_a_foreign_guide_is_refused_and_not_stored(self, world):
        client = world.client("reviewer_b")
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[world.guide.pk])
        posted = client.post(url, tampered_form(world))
        assert refused(posted)
        shown = client.get(url)
        assert refused(shown)
        assert b"uden lov" not in shown.content and DRAFT_MARKER.encode() not in shown.content
        assert not any(key.startswith("wagtail-preview-") for key in client.session.keys())  # noqa: SIM118 (a session is not iterable)

    def test_crafted_preview_of_a_new_guide_under_home_is_refused(self, world):
        client = world.client("reviewer_b")
        url = reverse("wagtailadmin_pages:preview_on_add", args=["guides", "guidepage", world.home.pk])
        assert refused(client.post(url, tampered_form(world)))
        assert refused(client.get(url))

    def test_the_editor_may_preview_the_same_post(self, world):
        client = world.client("editor")
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[world.guide.pk])
        assert client.post(url, tampered_form(world)).json()["is_valid"]
        assert "uden lov" in client.get(url).content.decode()


class TestBlockLevelWrites:
    """Nobody but an editor writes a section; a reviewer cannot write even her own."""

    @pytest.mark.parametrize("role", ["reviewer_a", "reviewer_b"])
    def test_page_editor_post_changing_a_section_saves_no_revision(self, world, role):
        before = snapshot(world)
        client = world.client(role)
        url = reverse("wagtailadmin_pages:edit", args=[world.guide.pk])
        for extra in ({}, {"action-publish": "action-publish"}, {"action-submit": "action-submit"}):
            assert refused(client.post(url, {**tampered_form(world), **extra}))
        assert snapshot(world) == before
        assert "uden lov" not in str(Revision.objects.values_list("content", flat=True))

    def test_no_write_endpoint_of_the_admin_api_accepts_a_reviewer(self, world):
        before = snapshot(world)
        client = world.client("reviewer_b")
        for action in (
            "publish",
            "unpublish",
            "copy",
            "move",
            "delete",
            "revert_to_page_revision",
            "convert_alias",
            "copy_for_translation",
            "create_alias",
        ):
            response = client.post(
                f"/admin/api/main/pages/{world.guide.pk}/action/{action}/",
                {"destination_page_id": world.home.pk, "revision_id": world.guide.live_revision_id},
            )
            assert response.status_code in (403, 404), (action, response.status_code)
        assert snapshot(world) == before

    def test_a_section_of_a_reviewer_who_is_also_an_editor_still_needs_its_owner(self, world, editor):
        """A user with page rights who reviews for Skat may edit KL's section, but the edit
        changes its fingerprint, so only KL can sign it off again before it goes live."""
        from guides.signoff import actions
        from guides.signoff.guard import SignOffRequired

        hybrid = world.users["reviewer_b"]
        hybrid.groups.add(editor.groups.get())
        client = world.client("reviewer_b")
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[world.guide.pk]),
            {**tampered_form(world), "action-publish": "action-publish"},
        )
        assert response.status_code == 302
        page = GuidePage.objects.get(pk=world.guide.pk)
        assert "uden lov" not in str(page.body.get_prep_value())  # refused at publish
        with pytest.raises(SignOffRequired, match="KL"):
            page.get_latest_revision().publish(user=hybrid)
        with pytest.raises(actions.NotAReviewer):
            actions.decide(world.request.pk, hybrid, actions.APPROVE)
