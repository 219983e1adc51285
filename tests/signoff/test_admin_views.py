"""The sign-off screens in the Wagtail admin, as reviewers, editors and outsiders use them."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState

from guides.models import GuidePage
from guides.signoff import setup
from guides.signoff.models import Notification, SignOffEvent, SignOffRequest
from tests.factories import UserFactory, make_guide
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(home, authorities, editor, workflow):
    """A draft guide submitted for sign-off: (page, task_state)."""
    page = make_guide(home, user=editor, publish=False)
    state = setup.submit(page, editor)
    return page, state.current_task_state.specific


def request_of(task_state, code):
    return (
        task_state.requests.get(authority__code=code, status=SignOffRequest.PENDING)
        if code != "kl"
        else (task_state.requests.filter(authority__code="kl").order_by("pk").first())
    )


def logged_in(user, *, csrf=False):
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


class TestReviewerScreen:
    def test_index_lists_what_waits_for_the_reviewers_authority_only(self, round_, reviewers):
        page, task_state = round_
        html = logged_in(reviewers["skat"]).get(reverse("signoff:index")).content.decode()
        assert page.title in html
        assert reverse("signoff:review", args=[task_state.pk]) in html
        assert "Skattestyrelsen" in html
        assert "KL</td>" not in html

    def test_review_shows_only_own_sections_with_audience_in_words_and_new_section_label(
        self, round_, reviewers
    ):
        _, task_state = round_
        response = logged_in(reviewers["kl"]).get(reverse("signoff:review", args=[task_state.pk]))
        assert response.status_code == 200
        headings = [item["request"].heading for item in response.context["items"]]
        assert headings == ["Afsnit ung", "Afsnit voksen"]
        html = response.content.decode()
        assert "Afsnit skat" not in html
        assert "Akasse?: Nej" in html or "Spørgsmål akasse?: Nej" in html
        assert "New section" in html or "Ny sektion" in html or "aldrig" in html

    def test_review_shows_what_changed_since_the_authority_last_signed_off(
        self, published_guide, editor, reviewers
    ):
        edit_section(published_guide, "Afsnit skat", "Helt ny skattetekst", user=editor)
        state = setup.submit(published_guide, editor)
        response = logged_in(reviewers["skat"]).get(
            reverse("signoff:review", args=[state.current_task_state.pk])
        )
        (item,) = response.context["items"]
        assert not item["diff"].is_new
        kinds = {line.kind for line in item["diff"].lines}
        assert kinds & {"changed", "added"}
        assert "Helt ny skattetekst" in response.content.decode()

    def test_reviewer_of_another_authority_without_sections_in_the_round_gets_403(
        self, published_guide, editor, reviewers
    ):
        edit_section(published_guide, "Afsnit skat", "Kun skat er ændret", user=editor)
        state = setup.submit(published_guide, editor)
        response = logged_in(reviewers["kl"]).get(
            reverse("signoff:review", args=[state.current_task_state.pk])
        )
        assert response.status_code == 403
        assert "Kun skat er ændret" not in response.content.decode()
        assert SignOffEvent.objects.filter(action=SignOffEvent.ATTEMPT_REFUSED, user=reviewers["kl"]).exists()

    def test_outsider_gets_403_on_review(self, round_, outsider):
        _, task_state = round_
        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        assert logged_in(outsider).get(reverse("signoff:review", args=[task_state.pk])).status_code == 403

    def test_editor_may_follow_the_whole_round_without_deciding(self, round_, editor):
        _, task_state = round_
        response = logged_in(editor).get(reverse("signoff:review", args=[task_state.pk]))
        assert response.status_code == 200
        assert len(response.context["items"]) == 7
        assert not any(item["can_decide"] for item in response.context["items"])


class TestDecideEndpoint:
    def post(self, client, request, **data):
        return client.post(reverse("signoff:decide", args=[request.pk]), data)

    def test_reviewer_signs_off_own_section(self, round_, reviewers):
        _, task_state = round_
        request = request_of(task_state, "skat")
        response = self.post(
            logged_in(reviewers["skat"]), request, decision="approve", fingerprint=request.fingerprint
        )
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.status == SignOffRequest.APPROVED

    def test_reviewer_posting_on_another_authoritys_section_gets_403_and_nothing_is_saved(
        self, round_, reviewers
    ):
        _, task_state = round_
        request = request_of(task_state, "kl")
        response = self.post(logged_in(reviewers["skat"]), request, decision="approve")
        assert response.status_code == 403
        assert "ikke godkender for KL" in response.content.decode()
        request.refresh_from_db()
        assert request.status == SignOffRequest.PENDING
        assert not SignOffEvent.objects.filter(action=SignOffEvent.APPROVED).exists()
        assert SignOffEvent.objects.filter(action=SignOffEvent.ATTEMPT_REFUSED).count() == 1

    def test_request_changes_without_comment_is_refused_with_a_message(self, round_, reviewers):
        _, task_state = round_
        request = request_of(task_state, "skat")
        response = self.post(logged_in(reviewers["skat"]), request, decision="request_changes", comment="")
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.status == SignOffRequest.PENDING

    def test_four_eyes_refusal_is_a_403_with_an_explanation(
        self, home, authorities, editor, workflow, reviewers
    ):
        page = make_guide(home, user=editor, publish=False)
        edit_section(page, "Afsnit skat", "Skat skrev selv", user=reviewers["skat"])
        state = setup.submit(page, editor)
        request = request_of(state.current_task_state.specific, "skat")
        response = self.post(logged_in(reviewers["skat"]), request, decision="approve")
        assert response.status_code == 403
        assert "fire øjne" in response.content.decode()

    def test_deciding_a_decided_section_again_differently_is_a_409(self, round_, reviewers, second_reviewers):
        _, task_state = round_
        request = request_of(task_state, "skat")
        self.post(logged_in(reviewers["skat"]), request, decision="approve")
        response = self.post(
            logged_in(second_reviewers["skat"]), request, decision="request_changes", comment="Nej"
        )
        assert response.status_code == 409
        request.refresh_from_db()
        assert request.status == SignOffRequest.APPROVED

    def test_double_click_is_idempotent(self, round_, reviewers):
        _, task_state = round_
        request = request_of(task_state, "skat")
        client = logged_in(reviewers["skat"])
        first = self.post(client, request, decision="approve")
        second = self.post(client, request, decision="approve")
        assert (first.status_code, second.status_code) == (302, 302)
        assert SignOffEvent.objects.filter(action=SignOffEvent.APPROVED).count() == 1

    def test_post_without_csrf_token_is_refused(self, round_, reviewers):
        _, task_state = round_
        request = request_of(task_state, "skat")
        response = self.post(logged_in(reviewers["skat"], csrf=True), request, decision="approve")
        assert response.status_code == 403
        request.refresh_from_db()
        assert request.status == SignOffRequest.PENDING

    def test_get_is_not_allowed(self, round_, reviewers):
        _, task_state = round_
        request = request_of(task_state, "skat")
        response = logged_in(reviewers["skat"]).get(reverse("signoff:decide", args=[request.pk]))
        assert response.status_code == 405


class TestDashboardPanel:
    def test_reviewer_dashboard_shows_waiting_sections_oldest_first(self, round_, home, editor, reviewers):
        page, _ = round_
        newer = make_guide(
            home,
            __import__("tests.factories", fromlist=["guide_data"]).guide_data("nyere"),
            user=editor,
            publish=False,
        )
        setup.submit(newer, editor)
        html = logged_in(reviewers["skat"]).get(reverse("wagtailadmin_home")).content.decode()
        assert "signoff-waiting-heading" in html
        assert html.index(page.title) < html.index(newer.title)

    def test_editor_without_authority_has_no_waiting_panel(self, round_, editor):
        html = logged_in(editor).get(reverse("wagtailadmin_home")).content.decode()
        assert "signoff-waiting-heading" not in html


class TestSignOffLog:
    def test_editor_sees_and_exports_the_whole_log(self, published_guide, editor):
        response = logged_in(editor).get(reverse("signoff:log"), {"export": "csv"})
        assert response.status_code == 200
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(content)))
        actions = {row["action"] for row in rows}
        assert {"approved", "submitted", "published"} <= actions or {
            "signed off",
            "submitted for sign-off",
            "published",
        } <= actions
        assert {row["authority"] for row in rows} >= {"digst", "kl", "star", "skat", "atp-udk"}

    def test_log_filters_by_authority_and_action(self, published_guide, editor):
        response = logged_in(editor).get(reverse("signoff:log"), {"authority": "skat", "action": "approved"})
        events = list(response.context["object_list"])
        assert events and all(e.authority_code == "skat" and e.action == "approved" for e in events)

    def test_reviewer_sees_only_her_authoritys_events(self, published_guide, reviewers):
        response = logged_in(reviewers["skat"]).get(reverse("signoff:log"))
        assert response.status_code == 200
        assert {e.authority_code for e in response.context["object_list"]} == {"skat"}

    def test_outsider_cannot_see_the_log(self, published_guide, outsider):
        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        assert logged_in(outsider).get(reverse("signoff:log")).status_code == 403

    def test_page_history_shows_sign_off_events(self, published_guide, editor):
        response = logged_in(editor).get(reverse("wagtailadmin_pages:history", args=[published_guide.pk]))
        assert response.status_code == 200
        assert "signed off" in response.content.decode() or "godkendt" in response.content.decode()


class TestEmergencyPublish:
    @pytest.fixture
    def duty_editor(self, editor):
        editor.user_permissions.add(Permission.objects.get(codename="emergency_publish"))
        return type(editor).objects.get(pk=editor.pk)

    def test_editor_without_the_permission_gets_403(self, published_guide, editor):
        assert (
            logged_in(editor).get(reverse("signoff:emergency", args=[published_guide.pk])).status_code == 403
        )

    def test_a_reason_is_required(self, published_guide, duty_editor):
        edit_section(published_guide, "Afsnit skat", "Akut rettelse", user=duty_editor)
        live = published_guide.live_revision_id
        response = logged_in(duty_editor).post(
            reverse("signoff:emergency", args=[published_guide.pk]), {"reason": "kort"}
        )
        assert response.status_code == 200
        assert GuidePage.objects.get(pk=published_guide.pk).live_revision_id == live

    def test_emergency_publish_is_logged_flagged_and_opens_a_retrospective_round(
        self, published_guide, duty_editor, reviewers, django_capture_on_commit_callbacks
    ):
        edit_section(published_guide, "Afsnit skat", "Akut rettelse af en forkert sats", user=duty_editor)
        reason = "Satsen på siden var forkert og vildledte borgerne; rettet efter aftale med Skattestyrelsen."
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in(duty_editor).post(
                reverse("signoff:emergency", args=[published_guide.pk]), {"reason": reason}
            )
        assert response.status_code == 302
        page = GuidePage.objects.get(pk=published_guide.pk)
        assert "Akut rettelse" in str(page.body.get_prep_value())
        event = SignOffEvent.objects.get(action=SignOffEvent.EMERGENCY_PUBLISHED)
        assert (event.section_heading, event.comment, event.user) == ("Afsnit skat", reason, duty_editor)
        state = page.current_workflow_state
        assert state.status == "in_progress"
        (request,) = state.current_task_state.specific.requests.all()
        assert request.heading == "Afsnit skat"
        assert Notification.objects.filter(kind="emergency_published", recipient=reviewers["skat"]).exists()

    def test_retrospective_sign_off_clears_the_flag_without_republishing_an_older_revision(
        self, published_guide, duty_editor, reviewers
    ):
        from guides.signoff import actions

        edit_section(published_guide, "Afsnit skat", "Akut rettelse", user=duty_editor)
        actions.emergency_publish(
            published_guide, duty_editor, "Forkert sats vildledte borgerne i flere dage."
        )
        page = GuidePage.objects.get(pk=published_guide.pk)
        task_state = page.current_workflow_state.current_task_state.specific
        (request,) = task_state.requests.all()
        actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_APPROVED


class TestWagtailWorkflowAdmin:
    def test_the_task_type_is_offered_in_wagtails_workflow_admin(self, admin_user):
        response = logged_in(admin_user).get(reverse("wagtailadmin_workflows:select_task_type"))
        assert response.status_code == 200
        assert (
            "sign-off" in response.content.decode().lower() or "godkend" in response.content.decode().lower()
        )

    def test_the_demo_workflow_is_listed(self, workflow, admin_user):
        response = logged_in(admin_user).get(reverse("wagtailadmin_workflows:index"))
        assert setup.WORKFLOW_NAME in response.content.decode()


def test_reviewer_cannot_edit_guides_or_open_the_editor(round_, reviewers):
    page, _ = round_
    client = logged_in(reviewers["skat"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code in (302, 403)
    other = UserFactory(username="tilfaeldig")
    assert not page.permissions_for_user(other).can_edit()


def test_losing_a_simultaneous_submit_gives_a_message_not_an_error_page(rf, editor):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.db import IntegrityError

    from guides.signoff.middleware import ConcurrentActionMiddleware

    request = rf.post("/admin/pages/4/edit/")
    request.user = editor
    request.session = {}
    request._messages = FallbackStorage(request)
    error = IntegrityError('duplicate key value violates unique constraint "unique_in_progress_workflow"')
    response = ConcurrentActionMiddleware(lambda r: None).process_exception(request, error)
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/4/edit/"
    assert ConcurrentActionMiddleware(lambda r: None).process_exception(request, ValueError("other")) is None


class TestDemoUsersThroughTheAdmin:
    """The demo's own users, through the real admin views (no browser needed)."""

    def test_editor_submits_in_the_page_editor_and_reviewers_decide_on_the_sign_off_screen(
        self, demo, django_capture_on_commit_callbacks
    ):
        from django.contrib.auth import get_user_model

        from tests.admin_forms import guide_form_data

        users = {u.username: u for u in get_user_model().objects.all()}
        guide = GuidePage.objects.get(slug="naar-du-faar-nyt-job")
        editor = logged_in(users["redaktoer"])
        content = guide.get_latest_revision_as_object()
        raw = content.body.get_prep_value()
        tax = next(b for b in raw if b["value"]["heading"] == "Ret din forskudsopgørelse")
        tax["value"]["content"][0]["value"] = "<p>Ret forskudsopgørelsen, når du har fået nyt job.</p>"
        content.body = raw
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(
                reverse("wagtailadmin_pages:edit", args=[guide.pk]),
                {**guide_form_data(content), "action-submit": "action-submit"},
            )
        assert response.status_code == 302
        state = GuidePage.objects.get(pk=guide.pk).current_workflow_state
        (request,) = state.current_task_state.specific.requests.all()
        assert request.authority.code == "skat"

        # The editor's header links to the round; KL may not act on it.
        header = editor.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
        assert reverse("signoff:review", args=[state.current_task_state.pk]) in header
        kl = logged_in(users["godkender-kl"])
        assert (
            kl.post(reverse("signoff:decide", args=[request.pk]), {"decision": "approve"}).status_code == 403
        )

        skat = logged_in(users["godkender-skat"])
        review = skat.get(reverse("signoff:review", args=[state.current_task_state.pk]))
        assert "Ret forskudsopgørelsen, når du har fået nyt job." in review.content.decode()
        response = skat.post(
            reverse("signoff:decide", args=[request.pk]),
            {"decision": "approve", "fingerprint": request.fingerprint},
        )
        assert response.status_code == 302
        guide.refresh_from_db()
        assert "når du har fået nyt job" in str(guide.body.get_prep_value())


def test_submitting_a_guide_whose_frame_has_no_owner_explains_instead_of_failing(
    client, home, authorities, editor, workflow
):
    from tests.admin_forms import guide_form_data

    digst = authorities["digst"]
    digst.owns_frame = False
    digst.save()
    page = make_guide(home, user=editor, publish=False)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**guide_form_data(page), "action-submit": "action-submit"},
        follow=True,
    )
    assert response.status_code == 200
    assert any(
        "Guidens ramme" in str(message) and "Ingen myndighed ejer" in str(message)
        for message in response.context["messages"]
    )
    assert not page.workflow_states.exists()


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_sign_off_menu_is_shown_to_editors_and_reviewers(role, editor, reviewers):
    user = editor if role == "editor" else reviewers["skat"]
    html = logged_in(user).get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("signoff:index") in html


def test_sign_off_menu_is_hidden_from_other_admin_users(outsider):
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = logged_in(outsider).get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("signoff:index") not in html
