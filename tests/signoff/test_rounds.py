"""A sign-off round, model level: routing, decisions, completion, resubmission."""

import pytest
from django.core import mail
from wagtail.models import TaskState, WorkflowState

from guides.models import GuidePage
from guides.signoff import actions, setup
from guides.signoff.models import Notification, SignOffEvent, SignOffRequest
from tests.factories import make_guide
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(home, authorities, editor, workflow):
    return make_guide(home, user=editor, publish=False)


def open_round(page, editor):
    state = setup.submit(page, editor)
    return state, state.current_task_state.specific


def pending(task_state):
    return {r.authority.code: r for r in task_state.requests.pending().select_related("authority")}


def decide_all(task_state, reviewers, codes=None):
    for request in task_state.requests.pending().select_related("authority"):
        if codes is None or request.authority.code in codes:
            actions.decide(request.pk, reviewers[request.authority.code], actions.APPROVE)


class TestRouting:
    def test_every_unit_is_routed_to_its_owning_authority_at_once(self, draft, editor):
        _, task_state = open_round(draft, editor)
        requests = task_state.requests.select_related("authority")
        by_owner = {}
        for request in requests:
            by_owner.setdefault(request.authority.code, []).append(request.heading)
        assert by_owner == {
            "digst": ["Guidens ramme (titel, indledning og spørgsmål)", "Afsnit alle"],
            "star": ["Afsnit medlem"],
            "kl": ["Afsnit ung", "Afsnit voksen"],
            "skat": ["Afsnit skat"],
            "atp-udk": ["Afsnit pension"],
        }
        assert all(request.status == SignOffRequest.PENDING for request in requests)

    def test_each_authority_gets_one_email_listing_its_sections(
        self, draft, editor, reviewers, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            open_round(draft, editor)
        kl_mails = [m for m in mail.outbox if reviewers["kl"].email in m.to]
        assert len(kl_mails) == 1
        assert "Afsnit ung" in kl_mails[0].body and "Afsnit voksen" in kl_mails[0].body
        assert "Afsnit skat" not in kl_mails[0].body
        assert "/admin/godkendelse/runde/" in kl_mails[0].body
        assert len(mail.outbox) == 5
        assert Notification.objects.filter(status=Notification.SENT).count() == 5

    def test_submission_is_logged_per_section(self, draft, editor):
        open_round(draft, editor)
        events = SignOffEvent.objects.filter(action=SignOffEvent.SUBMITTED)
        assert events.count() == 7
        assert set(events.values_list("username", flat=True)) == {editor.username}


class TestCompletion:
    def test_task_completes_and_publishes_when_every_section_is_signed_off(self, draft, editor, reviewers):
        state, task_state = open_round(draft, editor)
        decide_all(task_state, reviewers)
        state.refresh_from_db()
        draft.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert draft.live
        assert draft.live_revision_id == task_state.revision_id

    def test_task_waits_while_any_authority_has_not_signed_off(self, draft, editor, reviewers):
        state, task_state = open_round(draft, editor)
        decide_all(task_state, reviewers, codes={"digst", "kl", "star", "skat"})
        state.refresh_from_db()
        draft.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not draft.live
        assert list(pending(task_state)) == ["atp-udk"]

    def test_workflow_completion_publishes_the_signed_revision_not_a_later_edit(
        self, draft, editor, reviewers
    ):
        _, task_state = open_round(draft, editor)
        signed_revision = task_state.revision_id
        later = edit_section(draft, "Afsnit skat", "Ændret efter indsendelse", user=editor)
        decide_all(task_state, reviewers)
        draft.refresh_from_db()
        assert draft.live_revision_id == signed_revision
        assert draft.live_revision_id != later.pk
        assert draft.has_unpublished_changes
        assert "Ændret efter indsendelse" not in str(draft.body.raw_data)


class TestRequestChanges:
    def test_request_for_changes_needs_a_comment(self, draft, editor, reviewers):
        _, task_state = open_round(draft, editor)
        with pytest.raises(actions.CommentRequired):
            actions.decide(pending(task_state)["kl"].pk, reviewers["kl"], actions.REQUEST_CHANGES, "  ")
        assert pending(task_state)["kl"].status == SignOffRequest.PENDING

    def test_request_for_changes_rejects_the_task_and_tells_the_editor(
        self, draft, editor, reviewers, django_capture_on_commit_callbacks
    ):
        state, task_state = open_round(draft, editor)
        with django_capture_on_commit_callbacks(execute=True):
            actions.decide(
                pending(task_state)["kl"].pk,
                reviewers["kl"],
                actions.REQUEST_CHANGES,
                "Brug »kommunen (jobcenter)«.",
            )
        state.refresh_from_db()
        task_state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert task_state.status == TaskState.STATUS_REJECTED
        (message,) = [m for m in mail.outbox if editor.email in m.to]
        assert "Brug »kommunen (jobcenter)«." in message.body
        assert "Afsnit ung" in message.body
        assert not GuidePage.objects.get(pk=draft.pk).live

    def test_resubmission_asks_only_changed_and_sent_back_sections(self, draft, editor, reviewers):
        state, task_state = open_round(draft, editor)
        decide_all(task_state, reviewers, codes={"digst", "star", "skat", "atp-udk"})
        kl_requests = task_state.requests.filter(authority__code="kl").order_by("pk")
        first_kl = kl_requests.first()
        actions.decide(first_kl.pk, reviewers["kl"], actions.REQUEST_CHANGES, "Ret satsen.")
        # The editor fixes the KL section and resubmits.
        edit_section(draft, first_kl.heading, "Rettet tekst", user=editor)
        state.refresh_from_db()
        state.resume(user=editor)
        state.refresh_from_db()
        second_round = state.current_task_state.specific
        asked = sorted(second_round.requests.values_list("heading", flat=True))
        # The sent-back section and the KL section nobody decided on before the rejection.
        assert asked == ["Afsnit ung", "Afsnit voksen"]
        assert SignOffEvent.objects.filter(action=SignOffEvent.RESUBMITTED).count() == 2
        decide_all(second_round, reviewers)
        draft.refresh_from_db()
        assert draft.live
        assert "Rettet tekst" in str(draft.body.raw_data)


class TestReuse:
    def test_unchanged_sections_keep_their_sign_off_across_published_versions(
        self, published_guide, editor, reviewers
    ):
        edit_section(published_guide, "Afsnit skat", "Ny skattetekst", user=editor)
        _, task_state = open_round(published_guide, editor)
        assert [r.heading for r in task_state.requests.all()] == ["Afsnit skat"]
        carried = SignOffEvent.objects.filter(action=SignOffEvent.CARRIED_OVER, task_state_id=task_state.pk)
        assert carried.count() == 6
        decide_all(task_state, reviewers)
        published_guide.refresh_from_db()
        assert "Ny skattetekst" in str(published_guide.body.raw_data)

    def test_nothing_new_to_sign_off_completes_at_once(self, published_guide, editor):
        published_guide.save_revision(user=editor)
        state, _ = open_round(published_guide, editor)
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED


class TestFourEyes:
    def test_reviewer_cannot_sign_off_a_section_she_last_changed(self, draft, editor, reviewers):
        skat = reviewers["skat"]
        edit_section(draft, "Afsnit skat", "Skattestyrelsens egen rettelse", user=skat)
        _, task_state = open_round(draft, editor)
        request = pending(task_state)["skat"]
        with pytest.raises(actions.FourEyesViolation):
            actions.decide(request.pk, skat, actions.APPROVE)
        request.refresh_from_db()
        assert request.status == SignOffRequest.PENDING
        refusal = SignOffEvent.objects.get(action=SignOffEvent.ATTEMPT_REFUSED)
        assert refusal.user == skat and refusal.section_id == request.section_id

    def test_another_member_of_the_same_authority_can_sign_it_off(
        self, draft, editor, reviewers, second_reviewers
    ):
        edit_section(draft, "Afsnit skat", "Skattestyrelsens egen rettelse", user=reviewers["skat"])
        _, task_state = open_round(draft, editor)
        request = pending(task_state)["skat"]
        actions.decide(request.pk, second_reviewers["skat"], actions.APPROVE)
        request.refresh_from_db()
        assert request.status == SignOffRequest.APPROVED

    def test_even_a_superuser_in_the_group_cannot_sign_off_own_change(self, draft, editor, authorities):
        from tests.factories import UserFactory

        boss = UserFactory(username="chef", groups=[authorities["skat"].reviewer_group])
        boss.is_superuser = True
        boss.save()
        edit_section(draft, "Afsnit skat", "Chefens rettelse", user=boss)
        _, task_state = open_round(draft, editor)
        with pytest.raises(actions.FourEyesViolation):
            actions.decide(pending(task_state)["skat"].pk, boss, actions.APPROVE)

    def test_the_last_change_counts_not_an_earlier_one(self, draft, editor, reviewers):
        edit_section(draft, "Afsnit skat", "Første version", user=reviewers["skat"])
        edit_section(draft, "Afsnit skat", "Redaktørens version", user=editor)
        _, task_state = open_round(draft, editor)
        actions.decide(pending(task_state)["skat"].pk, reviewers["skat"], actions.APPROVE)


class TestAuthorityMembership:
    def test_reviewer_cannot_sign_off_another_authoritys_section(self, draft, editor, reviewers):
        _, task_state = open_round(draft, editor)
        request = pending(task_state)["kl"]
        with pytest.raises(actions.NotAReviewer):
            actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
        request.refresh_from_db()
        assert request.status == SignOffRequest.PENDING
        assert SignOffEvent.objects.filter(
            action=SignOffEvent.ATTEMPT_REFUSED, user=reviewers["skat"]
        ).exists()

    def test_a_superuser_outside_the_group_cannot_sign_off(self, draft, editor, admin_user):
        _, task_state = open_round(draft, editor)
        with pytest.raises(actions.NotAReviewer):
            actions.decide(pending(task_state)["kl"].pk, admin_user, actions.APPROVE)

    def test_membership_is_checked_at_the_moment_of_the_action(self, draft, editor, reviewers, authorities):
        _, task_state = open_round(draft, editor)
        reviewer = reviewers["kl"]
        reviewer.groups.remove(authorities["kl"].reviewer_group)
        with pytest.raises(actions.NotAReviewer):
            actions.decide(pending(task_state)["kl"].pk, reviewer, actions.APPROVE)


class TestStaleDecisions:
    def test_repeating_the_same_decision_is_harmless(self, draft, editor, reviewers):
        _, task_state = open_round(draft, editor)
        request = pending(task_state)["skat"]
        actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
        events = SignOffEvent.objects.count()
        actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
        assert SignOffEvent.objects.count() == events

    def test_a_different_decision_on_a_decided_section_is_refused(
        self, draft, editor, reviewers, second_reviewers
    ):
        _, task_state = open_round(draft, editor)
        request = pending(task_state)["skat"]
        actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
        with pytest.raises(actions.StaleDecision, match="allerede behandlet"):
            actions.decide(request.pk, second_reviewers["skat"], actions.REQUEST_CHANGES, "Nej")
        request.refresh_from_db()
        assert request.status == SignOffRequest.APPROVED

    @pytest.mark.parametrize("how", ["rejected", "cancelled", "approved"])
    def test_acting_on_a_closed_round_changes_nothing(self, draft, editor, reviewers, how):
        state, task_state = open_round(draft, editor)
        skat = pending(task_state)["skat"]
        if how == "rejected":
            actions.decide(pending(task_state)["kl"].pk, reviewers["kl"], actions.REQUEST_CHANGES, "Ret")
        elif how == "cancelled":
            state.cancel(user=editor)
        else:
            decide_all(task_state, reviewers)
        before = (SignOffEvent.objects.count(), GuidePage.objects.get(pk=draft.pk).live_revision_id)
        skat.refresh_from_db()
        with pytest.raises((actions.StaleDecision, actions.SignOffError)):
            actions.decide(skat.pk, reviewers["skat"], actions.REQUEST_CHANGES, "For sent")
        assert (SignOffEvent.objects.count(), GuidePage.objects.get(pk=draft.pk).live_revision_id) == before

    def test_decision_on_a_version_the_reviewer_did_not_see_is_refused(self, draft, editor, reviewers):
        _, task_state = open_round(draft, editor)
        request = pending(task_state)["skat"]
        with pytest.raises(actions.StaleDecision):
            actions.decide(request.pk, reviewers["skat"], actions.APPROVE, seen_fingerprint="0" * 64)
        request.refresh_from_db()
        assert request.status == SignOffRequest.PENDING


class TestAuditLog:
    def test_sign_off_events_cannot_be_changed_or_deleted(self, published_guide):
        from guides.signoff.models import AppendOnlyError

        event = SignOffEvent.objects.filter(action=SignOffEvent.APPROVED).first()
        event.comment = "forfalsket"
        with pytest.raises(AppendOnlyError):
            event.save()
        with pytest.raises(AppendOnlyError):
            event.delete()
        with pytest.raises(AppendOnlyError):
            SignOffEvent.objects.filter(pk=event.pk).update(comment="x")
        with pytest.raises(AppendOnlyError):
            SignOffEvent.objects.all().delete()

    def test_every_transition_records_who_authority_section_fingerprint_and_revision(self, published_guide):
        approvals = SignOffEvent.objects.filter(action=SignOffEvent.APPROVED)
        assert approvals.count() == 7
        for event in approvals:
            assert event.user_id and event.username
            assert event.authority_code and event.section_id and len(event.fingerprint) == 64
            assert event.revision_id and event.created_at

    def test_sign_off_appears_in_wagtails_page_history(self, published_guide):
        from wagtail.models import PageLogEntry

        actions_logged = set(
            PageLogEntry.objects.filter(page=published_guide).values_list("action", flat=True)
        )
        assert {"vejviser.signoff.submit", "vejviser.signoff.approve", "wagtail.publish"} <= actions_logged


def test_another_authority_asking_for_changes_without_comment_is_refused_as_not_a_reviewer(
    home, authorities, editor, workflow, reviewers
):
    page = make_guide(home, user=editor, publish=False)
    task_state = setup.submit(page, editor).current_task_state.specific
    with pytest.raises(actions.NotAReviewer):
        actions.decide(pending(task_state)["kl"].pk, reviewers["skat"], actions.REQUEST_CHANGES, "")
    assert SignOffEvent.objects.filter(action=SignOffEvent.ATTEMPT_REFUSED, user=reviewers["skat"]).exists()
