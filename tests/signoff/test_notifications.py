"""Notifications go through an outbox: a slow or failing mail server never blocks, breaks
or loses a submit or a sign-off, and failed messages can be retried."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import WorkflowState

from guides.signoff import setup
from guides.signoff.models import Notification, SignOffRequest
from guides.signoff.notifications import deliver
from tests.conftest import _Discard
from tests.factories import make_guide

pytestmark = pytest.mark.django_db


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def draft(home, authorities, editor, workflow, reviewers):
    return make_guide(home, user=editor, publish=False)


def test_submit_succeeds_and_keeps_the_messages_when_the_mail_server_fails(
    draft, editor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.signoff.test_notifications.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        state = setup.submit(draft, editor)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert SignOffRequest.objects.filter(task_state=state.current_task_state).count() == 7
    failed = Notification.objects.filter(status=Notification.FAILED)
    assert failed.count() == 5
    assert all("SMTPServerDisconnected" in n.last_error and n.attempts == 1 for n in failed)


def test_failed_messages_are_sent_when_the_mail_server_is_back(
    draft, editor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.signoff.test_notifications.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        setup.submit(draft, editor)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_notifications", stdout=_Discard())
    assert Notification.objects.filter(status=Notification.SENT).count() == 5
    assert len(mail.outbox) == 5
    assert all(n.attempts == 2 for n in Notification.objects.all())


def test_with_a_worker_the_request_only_enqueues_and_the_worker_sends(
    draft, editor, settings, django_capture_on_commit_callbacks
):
    # django-tasks resets its backends when the setting changes.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        setup.submit(draft, editor)
    assert len(mail.outbox) == 0
    assert Notification.objects.filter(status=Notification.PENDING).count() == 5
    queued = DBTaskResult.objects.filter(task_path="guides.signoff.notifications.deliver")
    assert queued.count() == 5  # one per authority
    for result in queued:  # what `manage.py db_worker` does with each queued task
        deliver.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    assert len(mail.outbox) == 5
    assert Notification.objects.filter(status=Notification.SENT).count() == 5


def test_notifications_reach_only_the_people_involved(
    draft, editor, reviewers, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        setup.submit(draft, editor)
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {reviewers[code].email for code in ("digst", "kl", "star", "skat", "atp-udk")}
    assert admin_user.email not in recipients
    assert editor.email not in recipients
