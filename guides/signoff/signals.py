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
    from django.db.models.signals import post_save, pre_save
    from wagtail.models import Revision, TaskState, WorkflowTask

    from guides.signoff import authorship, configuration, emergency
    from guides.signoff.models import SectionSignOffTaskState

    page_published.connect(record_publish, dispatch_uid="vejviser_signoff_record_publish")
    post_save.connect(
        authorship.record_saved_revision, sender=Revision, dispatch_uid="vejviser_signoff_authorship"
    )
    # TaskState too: deactivating a task cancels its states as plain TaskState objects.
    for model in (WorkflowState, TaskState, SectionSignOffTaskState):
        pre_save.connect(
            emergency.refuse_ending_a_retrospective_round,
            sender=model,
            dispatch_uid=f"vejviser_signoff_retrospective_{model.__name__}",
        )
    pre_save.connect(
        configuration.refuse_mixed_workflow,
        sender=WorkflowTask,
        dispatch_uid="vejviser_signoff_mixed_workflow",
    )
    workflow_submitted.connect(
        configuration.refuse_submitting_to_a_mixed_workflow,
        sender=WorkflowState,
        dispatch_uid="vejviser_signoff_submit_mixed_workflow",
    )
    workflow_approved.connect(
        emergency.close_when_the_owners_have_decided,
        sender=WorkflowState,
        dispatch_uid="vejviser_signoff_close_retrospective",
    )
    # Wagtail sends these inside the transaction, to superusers too; our own notifications
    # go through the outbox to exactly the people involved (see notifications.py).
    for signal, uid in WAGTAIL_WORKFLOW_EMAILS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
