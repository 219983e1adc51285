"""Signal wiring: record publishes in the sign-off log, and replace Wagtail's workflow
e-mails (sent synchronously inside the request) by our background notifications."""

from __future__ import annotations

from wagtail.log_actions import get_active_log_context
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected, workflow_submitted


def record_publish(sender, instance, revision, **kwargs):
    from guides.models import GuidePage
    from guides.signoff import audit
    from guides.signoff.models import SignOffEvent
    from guides.signoff.units import units_of

    if not isinstance(instance, GuidePage) or not instance.live:
        return
    audit.record(
        SignOffEvent.PUBLISHED,
        instance,
        units=units_of(instance.document),
        user=get_active_log_context().user,
        revision=revision,
        history=False,  # Wagtail's own history already shows the publish.
    )


WAGTAIL_WORKFLOW_EMAILS = [
    (workflow_submitted, "workflow_state_submitted_email_notification"),
    (workflow_rejected, "workflow_state_rejected_email_notification"),
    (workflow_approved, "workflow_state_approved_email_notification"),
]


def connect():
    page_published.connect(record_publish, dispatch_uid="vejviser_signoff_record_publish")
    # Wagtail sends these inside the transaction, to superusers too; our own notifications
    # go through the outbox to exactly the people involved (see notifications.py).
    for signal, uid in WAGTAIL_WORKFLOW_EMAILS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
