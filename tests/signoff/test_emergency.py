"""Emergency is an event, not a state (issue 12 finding 1, RELIABILITY case 32).

An emergency publish puts one revision live once, by a permitted user with a reason. It
clears nothing: publishing that content again, by any path, is refused like any other
unsigned content. Its retrospective round is not cancelled, restarted or skipped by a
publish, a workflow cancel or a restart; it ends with the owners' decisions (or another
emergency publish with its own reason), and it is shown and reminded until then.
"""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions import action_registry
from wagtail.models import Page, Revision, WorkflowState

from guides.models import GuidePage
from guides.signoff import actions, emergency
from guides.signoff.guard import SignOffRequired
from guides.signoff.models import EmergencyRelease, Notification, SignOffEvent
from tests.admin_forms import guide_form_data
from tests.conftest import _Discard
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db

ATP = "Afsnit pension"
REASON = "Forkert ATP-sats vildledte borgerne; rettet efter telefonaftale med ATP."


@pytest.fixture
def emergency_published(published_guide, admin_user):
    """The admin has emergency-published unsigned ATP text with a reason."""
    edit_section(published_guide, ATP, "Usigneret ATP-tekst", user=admin_user)
    actions.emergency_publish(published_guide, admin_user, REASON)
    page = GuidePage.objects.get(pk=published_guide.pk)
    assert "Usigneret ATP-tekst" in str(page.body.get_prep_value())
    return page


def retrospective_state(page):
    return EmergencyRelease.objects.get(page_id=page.pk, closed_at=None).workflow_state


def admin_publish(client, page, revision=None, **extra):
    """The editor's Publish button (with ``revision``: revert to it and publish)."""
    content = (revision or page.get_latest_revision()).as_object()
    data = guide_form_data(content)
    data.update({"action-publish": "action-publish", **extra})
    if revision is not None:
        data["revision"] = str(revision.pk)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def assert_refusal_names_units_and_round(message):
    assert ATP in message and "(ATP/Udbetaling Danmark)" in message
    assert "nødudgivet" in message
    assert "efterfølgende godkendelsesrunde er åben" in message


class TestTheFindingsScenarios:
    def test_editor_pressing_publish_after_an_emergency_publish_is_refused_and_the_round_stays(
        self, client, emergency_published, editor
    ):
        emergency_revision = emergency_published.live_revision_id
        state = retrospective_state(emergency_published)
        client.force_login(editor)
        response = admin_publish(client, emergency_published)
        assert response.status_code == 200
        assert any(ATP in m and "efterfølgende godkendelsesrunde" in m for m in messages_of(response))
        page = GuidePage.objects.get(pk=emergency_published.pk)
        assert page.live_revision_id == emergency_revision  # nothing new went live
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert page.current_workflow_state == state
        assert state.current_task_state.specific.requests.pending().get().heading == ATP

    def test_fix_sign_publish_then_revert_to_the_emergency_revision_and_publish_is_refused(
        self, client, emergency_published, editor, reviewers
    ):
        emergency_revision = emergency_published.live_revision
        client.force_login(editor)
        admin_publish(client, emergency_published)  # refused (the first scenario)
        # ATP decides in the retrospective round; the editor fixes the text and resubmits.
        state = retrospective_state(emergency_published)
        request = state.current_task_state.specific.requests.get()
        actions.decide(request.pk, reviewers["atp-udk"], actions.REQUEST_CHANGES, "Satsen er forkert.")
        edit_section(emergency_published, ATP, "Rettet ATP-tekst", user=editor)
        state.refresh_from_db()
        state.resume(user=editor)
        state.refresh_from_db()
        (fix_request,) = state.current_task_state.specific.requests.all()
        actions.decide(fix_request.pk, reviewers["atp-udk"], actions.APPROVE)
        page = GuidePage.objects.get(pk=emergency_published.pk)
        assert "Rettet ATP-tekst" in str(page.body.get_prep_value())
        assert not EmergencyRelease.objects.open().exists()  # the owners have decided
        fixed_live = page.live_revision_id
        events_before = SignOffEvent.objects.filter(action=SignOffEvent.EMERGENCY_PUBLISHED).count()

        response = admin_publish(client, page, revision=emergency_revision)
        assert any(ATP in m and "(ATP/Udbetaling Danmark)" in m for m in messages_of(response))
        page = GuidePage.objects.get(pk=page.pk)
        assert page.live_revision_id == fixed_live
        assert "Usigneret ATP-tekst" not in str(page.body.get_prep_value())
        assert SignOffEvent.objects.filter(action=SignOffEvent.EMERGENCY_PUBLISHED).count() == events_before

    def test_after_a_second_emergency_publish_the_first_emergency_text_cannot_be_republished(
        self, client, emergency_published, admin_user, editor, reviewers
    ):
        first = emergency_published.live_revision
        edit_section(emergency_published, ATP, "Anden akutte ATP-tekst", user=admin_user)
        actions.emergency_publish(emergency_published, admin_user, "Endnu en fejl fundet; ATP er orienteret.")
        second_round = retrospective_state(emergency_published)
        actions.decide(
            second_round.current_task_state.specific.requests.get().pk, reviewers["atp-udk"], actions.APPROVE
        )
        client.force_login(editor)
        admin_publish(client, emergency_published, revision=first)
        page = GuidePage.objects.get(pk=emergency_published.pk)
        assert "Anden akutte ATP-tekst" in str(page.body.get_prep_value())
        assert "Usigneret ATP-tekst" not in str(page.body.get_prep_value())


def _bulk(client, page, editor):
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}&next=/admin/pages/", {"include_descendants": ""})


def _scheduled(client, page, editor):
    revision = page.save_revision(user=editor)
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())


def _command(client, page, editor):
    with pytest.raises(CommandError, match=ATP):
        call_command("publish_guide", page.slug, user=editor.username, stdout=_Discard())


def _revision_publish(client, page, editor):
    with pytest.raises(SignOffRequired, match=ATP):
        page.live_revision.publish(user=editor)


def _registry_action(client, page, editor):
    revision = page.save_revision(user=editor)
    with pytest.raises(SignOffRequired):
        action_registry.get_action_class(Page, "publish")(revision, user=editor).execute()


@pytest.mark.parametrize(
    "path", [_bulk, _scheduled, _command, _revision_publish, _registry_action], ids=lambda f: f.__name__
)
def test_every_publish_path_refuses_emergency_content_and_keeps_the_round(
    client, emergency_published, editor, path
):
    live = emergency_published.live_revision_id
    state = retrospective_state(emergency_published)
    path(client, emergency_published, editor)
    assert GuidePage.objects.get(pk=emergency_published.pk).live_revision_id == live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert SignOffEvent.objects.filter(
        action=SignOffEvent.PUBLISH_REFUSED, page_id=emergency_published.pk
    ).exists()


class TestTheRoundCannotBeEndedButByTheOwners:
    def test_cancelling_the_workflow_is_refused(self, emergency_published, editor):
        state = retrospective_state(emergency_published)
        with pytest.raises(actions.RetrospectiveRound, match=ATP):
            state.cancel(user=editor)
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS

    @pytest.mark.parametrize("button", ["action-cancel-workflow", "action-restart-workflow"])
    def test_cancel_and_restart_buttons_are_refused_and_not_offered(
        self, client, emergency_published, editor, button
    ):
        state = retrospective_state(emergency_published)
        client.force_login(editor)
        editor_html = client.get(reverse("wagtailadmin_pages:edit", args=[emergency_published.pk]))
        assert f'name="{button}"' not in editor_html.content.decode()
        revisions = emergency_published.revisions.count()
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[emergency_published.pk]),
            {**guide_form_data(emergency_published.get_latest_revision_as_object()), button: button},
            follow=True,
        )
        assert any("efterfølgende godkendelsesrunde" in m for m in messages_of(response))
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.current_task_state.status == "in_progress"
        assert emergency_published.revisions.count() == revisions

    def test_deactivating_the_workflow_is_refused(self, emergency_published, workflow, admin_user):
        with pytest.raises(actions.RetrospectiveRound):
            workflow.deactivate(user=admin_user)
        assert retrospective_state(emergency_published).status == WorkflowState.STATUS_IN_PROGRESS

    def test_publishing_the_earlier_signed_revision_does_not_cancel_the_round(
        self, emergency_published, editor
    ):
        signed = emergency_published.revisions.order_by("created_at", "id").first()
        state = retrospective_state(emergency_published)
        signed.publish(user=editor)  # fully signed content: allowed
        page = GuidePage.objects.get(pk=emergency_published.pk)
        assert page.live_revision_id == signed.pk
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert EmergencyRelease.objects.open().count() == 1

    def test_submitting_again_is_refused_while_the_round_is_open(self, emergency_published, editor):
        with pytest.raises(actions.RetrospectiveRound):
            actions.Submit(emergency_published, editor).execute()

    def test_the_owners_approval_ends_the_round(self, emergency_published, reviewers):
        state = retrospective_state(emergency_published)
        request = state.current_task_state.specific.requests.get()
        actions.decide(request.pk, reviewers["atp-udk"], actions.APPROVE)
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        release = EmergencyRelease.objects.get(page_id=emergency_published.pk)
        assert release.closed_because == "signed"
        # Signed now: an ordinary publish of the same content is allowed.
        GuidePage.objects.get(pk=emergency_published.pk).save_revision().publish()

    def test_a_new_emergency_publish_with_its_own_reason_replaces_the_round(
        self, emergency_published, admin_user
    ):
        first = EmergencyRelease.objects.get(closed_at=None)
        edit_section(emergency_published, ATP, "Endnu en akut rettelse", user=admin_user)
        actions.emergency_publish(emergency_published, admin_user, "Ny fejl i satsen; ATP ringet op i dag.")
        first.refresh_from_db()
        assert first.closed_because == "replaced"
        second = EmergencyRelease.objects.get(closed_at=None)
        assert second.reason.startswith("Ny fejl")
        assert second.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert first.workflow_state.status == WorkflowState.STATUS_CANCELLED

    def test_emergency_publish_without_permission_or_reason_is_refused(self, published_guide, editor):
        with pytest.raises(actions.NotAReviewer):
            actions.EmergencyPublish(published_guide, editor, REASON).execute()
        assert actions.EmergencyPublish(published_guide, editor, REASON).check(raise_error=False)


class TestVisibleAndReminded:
    def test_review_screen_shows_the_emergency_and_its_reason(self, client, emergency_published, reviewers):
        state = retrospective_state(emergency_published)
        client.force_login(reviewers["atp-udk"])
        html = client.get(reverse("signoff:review", args=[state.current_task_state.pk])).content.decode()
        assert "nødudgivelse" in html.lower()
        assert REASON in html

    def test_index_and_dashboard_mark_the_round(self, client, emergency_published, reviewers, editor):
        client.force_login(reviewers["atp-udk"])
        assert "efter nødudgivelse" in client.get(reverse("signoff:index")).content.decode()
        assert "efter nødudgivelse" in client.get(reverse("wagtailadmin_home")).content.decode()
        client.force_login(editor)
        index = client.get(reverse("signoff:index")).content.decode()
        assert REASON in index

    def test_still_visible_to_the_editor_when_changes_were_requested(
        self, client, emergency_published, reviewers, editor
    ):
        state = retrospective_state(emergency_published)
        request = state.current_task_state.specific.requests.get()
        actions.decide(request.pk, reviewers["atp-udk"], actions.REQUEST_CHANGES, "Forkert sats.")
        assert EmergencyRelease.objects.open().count() == 1
        client.force_login(editor)
        assert REASON in client.get(reverse("signoff:index")).content.decode()

    def test_reminders_go_to_the_owners_until_they_have_decided(self, emergency_published, reviewers):
        call_command("remind_retrospective", stdout=_Discard())
        reminders = Notification.objects.filter(kind="retrospective_reminder")
        assert list(reminders.values_list("recipient", flat=True)) == [reviewers["atp-udk"].pk]
        assert ATP in reminders.get().body and REASON in reminders.get().body
        state = retrospective_state(emergency_published)
        actions.decide(
            state.current_task_state.specific.requests.get().pk, reviewers["atp-udk"], actions.APPROVE
        )
        call_command("remind_retrospective", stdout=_Discard())
        assert reminders.count() == 1

    def test_reminder_goes_to_the_publisher_when_changes_were_requested(
        self, emergency_published, reviewers, admin_user
    ):
        state = retrospective_state(emergency_published)
        request = state.current_task_state.specific.requests.get()
        actions.decide(request.pk, reviewers["atp-udk"], actions.REQUEST_CHANGES, "Forkert sats.")
        call_command("remind_retrospective", stdout=_Discard())
        assert Notification.objects.filter(kind="retrospective_reminder", recipient=admin_user).exists()


def test_the_invariant_rejects_emergency_content_republished_after_its_round(
    emergency_published, reviewers, editor
):
    """tests/invariants.py would have caught finding 1: emergency content is acceptable
    live only as the revision the emergency publish put live, while its round is open."""
    from tests.invariants import assert_live_guides_signed_off

    assert_live_guides_signed_off()  # exactly the emergency revision, round open: fine
    release = EmergencyRelease.objects.get(closed_at=None)
    emergency.close(release, "test")  # as if the round had been cancelled (finding 1)
    with pytest.raises(AssertionError, match=ATP):
        assert_live_guides_signed_off()
    EmergencyRelease.objects.filter(pk=release.pk).update(closed_at=None)
