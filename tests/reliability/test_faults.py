"""Case 25 (and the fault half of 26): a failure at any step of submit, sign-off or publish
leaves the previous state intact and the action retryable.

Faults are injected with ``unittest.mock.patch`` at the steps the code goes through: the
database write of the page, Wagtail's search index, a ``page_published`` receiver that
raises, our sign-off log, Wagtail's page history, the notification outbox, the task queue,
and a validation error. (A receiver that must not fail a publish, such as a CDN purge,
catches its own errors and retries: case 27, with the performance work's frontend cache.) After each: the live
revision, the page row, workflow and task states, sign-off requests, the sign-off log's
decisions and scheduled revisions are exactly as before, and the same action without the
fault succeeds. Entry points: the last reviewer's decision (the workflow publishes), the
admin's Publish button, the scheduler, and the editor's Submit.
"""

from __future__ import annotations

import contextlib
import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.signals import page_published

from guides.models import GuidePage
from guides.signoff import actions, setup
from guides.signoff.models import Notification, SignOffEvent, SignOffRequest
from tests.admin_forms import guide_form_data
from tests.conftest import _Discard
from tests.factories import make_guide
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db


class InjectedFault(Exception):
    pass


def failing_receiver(sender, **kwargs):
    raise InjectedFault("a follow-up of publishing failed")


@contextlib.contextmanager
def receiver_fault():
    page_published.connect(failing_receiver, dispatch_uid="injected-fault")
    try:
        yield
    finally:
        page_published.disconnect(dispatch_uid="injected-fault")


PUBLISH_FAULTS = {
    "database (page row)": lambda: mock.patch(
        "wagtail.models.Page.save", autospec=True, side_effect=DatabaseError("server closed the connection")
    ),
    "search index": lambda: mock.patch(
        "modelsearch.signal_handlers.insert_or_update_object_task",
        mock.Mock(**{"enqueue.side_effect": InjectedFault("search index down")}),
    ),
    "page_published receiver": receiver_fault,
    "sign-off log": lambda: mock.patch(
        "guides.signoff.audit.SignOffEvent.objects.bulk_create", side_effect=DatabaseError("disk full")
    ),
    "page history": lambda: mock.patch(
        "wagtail.actions.publish_revision.log", side_effect=DatabaseError("log table locked")
    ),
    "validation": lambda: mock.patch(
        "wagtail.actions.publish_revision.PublishRevisionAction._publish_revision",
        autospec=True,
        side_effect=ValidationError("ugyldig"),
    ),
}


def snapshot(page):
    page = GuidePage.objects.get(pk=page.pk)
    return {
        "live": page.live,
        "live_revision": page.live_revision_id,
        "body": page.body.get_prep_value(),
        "last_published_at": page.last_published_at,
        "workflows": sorted(WorkflowState.objects.for_instance(page).values_list("pk", "status")),
        "tasks": sorted(
            TaskState.objects.filter(workflow_state__object_id=str(page.pk)).values_list("pk", "status")
        ),
        "requests": sorted(SignOffRequest.objects.filter(page_id=page.pk).values_list("pk", "status")),
        "decisions": SignOffEvent.objects.filter(page_id=page.pk).decisions().count(),
        "published_events": SignOffEvent.objects.filter(
            page_id=page.pk, action=SignOffEvent.PUBLISHED
        ).count(),
        "scheduled": sorted(
            Revision.page_revisions.filter(object_id=str(page.pk))
            .exclude(approved_go_live_at=None)
            .values_list("pk", "approved_go_live_at")
        ),
    }


@pytest.fixture
def last_decision(home, authorities, editor, workflow, reviewers):
    """A published guide with an edited tax section waiting only for Skattestyrelsen."""
    page = make_guide(home, user=editor)
    edit_section(page, "Afsnit skat", "Ny skattetekst", user=editor)
    state = setup.submit(GuidePage.objects.get(pk=page.pk), editor)
    (request,) = state.current_task_state.specific.requests.all()
    return page, request


@pytest.mark.parametrize("fault", sorted(set(PUBLISH_FAULTS) - {"validation"}))
def test_a_fault_while_the_last_sign_off_publishes_changes_nothing_and_can_be_retried(
    last_decision, reviewers, fault
):
    page, request = last_decision
    before = snapshot(page)
    with PUBLISH_FAULTS[fault](), pytest.raises(Exception):  # noqa: B017 (any injected failure)
        actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
    assert snapshot(page) == before
    actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
    after = GuidePage.objects.get(pk=page.pk)
    assert "Ny skattetekst" in str(after.body.get_prep_value())
    assert after.current_workflow_state is None


@pytest.fixture
def signed_draft(home, authorities, editor, workflow, reviewers):
    """A published guide with a newer revision whose content is already signed off."""
    page = make_guide(home, user=editor)
    revision = GuidePage.objects.get(pk=page.pk).save_revision(user=editor)
    return GuidePage.objects.get(pk=page.pk), revision


@pytest.mark.parametrize("fault", sorted(PUBLISH_FAULTS))
def test_a_fault_during_the_publish_button_changes_nothing_and_can_be_retried(signed_draft, editor, fault):
    page, _ = signed_draft
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {**guide_form_data(page.get_latest_revision_as_object()), "action-publish": "action-publish"}
    before = snapshot(page)
    revisions = Revision.objects.count()
    with PUBLISH_FAULTS[fault]():
        response = client.post(url, data)
    assert response.status_code >= 400 or snapshot(page)["live_revision"] != before["live_revision"]
    assert snapshot(page) == before
    assert Revision.objects.count() == revisions  # the draft saved in that request is rolled back too
    assert client.post(url, data).status_code == 302
    assert (
        GuidePage.objects.get(pk=page.pk).live_revision_id
        == GuidePage.objects.get(pk=page.pk).latest_revision_id
    )


@pytest.mark.parametrize("fault", sorted(PUBLISH_FAULTS))
def test_a_fault_in_a_scheduled_publish_keeps_it_scheduled_and_the_others_go_out(
    signed_draft, home, editor, fault
):
    page, revision = signed_draft
    other = make_guide(
        home, __import__("tests.factories", fromlist=["guide_data"]).guide_data("anden"), user=editor
    )
    other_revision = GuidePage.objects.get(pk=other.pk).save_revision(user=editor)
    past = timezone.now() - datetime.timedelta(minutes=1)
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past)
    Revision.objects.filter(pk=other_revision.pk).update(
        approved_go_live_at=past + datetime.timedelta(seconds=1)
    )
    before = snapshot(page)
    real_publish = Revision.publish

    def publish_failing_for_page(self, *args, **kwargs):
        if self.object_id == str(page.pk):
            with PUBLISH_FAULTS[fault]():
                return real_publish(self, *args, **kwargs)
        return real_publish(self, *args, **kwargs)

    with mock.patch("wagtail.models.Revision.publish", autospec=True, side_effect=publish_failing_for_page):
        call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())
    assert snapshot(page) == before  # still scheduled, nothing published
    assert GuidePage.objects.get(pk=other.pk).live_revision_id == other_revision.pk
    call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())
    assert GuidePage.objects.get(pk=page.pk).live_revision_id == revision.pk
    assert not Revision.objects.filter(pk=revision.pk).exclude(approved_go_live_at=None).exists()


SUBMIT_FAULTS = {
    "database (requests)": lambda: mock.patch(
        "guides.signoff.models.SignOffRequest.objects.bulk_create", side_effect=DatabaseError("deadlock")
    ),
    "sign-off log": lambda: mock.patch(
        "guides.signoff.audit.SignOffEvent.objects.bulk_create", side_effect=DatabaseError("disk full")
    ),
    "notification outbox": lambda: mock.patch(
        "guides.signoff.notifications.Notification.objects.bulk_create", side_effect=DatabaseError("outbox")
    ),
    "page history": lambda: mock.patch(
        "guides.signoff.audit.wagtail_log", side_effect=DatabaseError("history")
    ),
}


@pytest.mark.parametrize("fault", sorted(SUBMIT_FAULTS))
def test_a_fault_while_submitting_starts_no_round_and_can_be_retried(
    home, authorities, editor, workflow, reviewers, fault
):
    page = make_guide(home, user=editor, publish=False)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {**guide_form_data(page.get_latest_revision_as_object()), "action-submit": "action-submit"}
    before = snapshot(page)
    notifications = Notification.objects.count()
    with SUBMIT_FAULTS[fault]():
        response = client.post(url, data)
    assert response.status_code == 500
    assert snapshot(page) == before
    assert Notification.objects.count() == notifications
    assert client.post(url, data).status_code == 302
    state = GuidePage.objects.get(pk=page.pk).current_workflow_state
    assert state is not None and state.current_task_state.specific.requests.count() == 7


@pytest.mark.parametrize("fault", sorted(SUBMIT_FAULTS))
def test_a_fault_in_a_scripted_submit_is_all_or_nothing_too(
    home, authorities, editor, workflow, reviewers, fault
):
    page = make_guide(home, user=editor, publish=False)
    before = snapshot(page)
    with SUBMIT_FAULTS[fault](), pytest.raises(DatabaseError):
        setup.submit(page, editor)
    assert snapshot(page) == before
    assert setup.submit(page, editor).status == WorkflowState.STATUS_IN_PROGRESS


def test_a_crashed_task_queue_loses_no_notification(
    last_decision, reviewers, django_capture_on_commit_callbacks
):
    """The decision commits; the e-mail waits in the outbox for ``send_notifications``."""
    from django.core import mail

    _page, request = last_decision
    crashed = mock.Mock(**{"enqueue.side_effect": InjectedFault("worker down")})
    with (
        mock.patch("guides.signoff.notifications.deliver", crashed),
        pytest.raises(InjectedFault),
        django_capture_on_commit_callbacks(execute=True),
    ):
        actions.decide(request.pk, reviewers["skat"], actions.APPROVE)
    assert SignOffRequest.objects.get(pk=request.pk).status == SignOffRequest.APPROVED
    waiting = Notification.objects.filter(status=Notification.PENDING)
    assert waiting.exists()
    call_command("send_notifications", stdout=_Discard())
    assert not Notification.objects.filter(status=Notification.PENDING).exists()
    assert {m.to[0] for m in mail.outbox} >= {n.email for n in Notification.objects.all()}
