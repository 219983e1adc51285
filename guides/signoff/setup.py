"""Idempotent set-up of the sign-off workflow, and a scripted sign-off round (used by the
demo loader and the tests, through the same actions as the admin)."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from guides.signoff import actions
from guides.signoff.models import SectionSignOffTask, SectionSignOffTaskState

TASK_NAME = "Myndighedernes godkendelse af afsnit"
WORKFLOW_NAME = "Godkendelse af guides"


@transaction.atomic
def ensure_workflow(page) -> Workflow:
    """The sign-off workflow, assigned to ``page`` and (by inheritance) its guides."""
    task = SectionSignOffTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = SectionSignOffTask.objects.create(name=TASK_NAME)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def submit(page, user):
    """Submit the page's latest revision for sign-off, as the editor's Submit button does."""
    if page.get_workflow() is None:
        raise ValueError(f"No sign-off workflow is assigned above »{page.title}«.")
    return actions.Submit(page, user).execute()


def sign_off_round(task_state: SectionSignOffTaskState, reviewers: dict) -> None:
    """Every pending request approved by the given reviewer of its authority (code -> user)."""
    for request in list(task_state.requests.pending().select_related("authority")):
        actions.decide(request.pk, reviewers[request.authority.code], actions.APPROVE)


def submit_and_sign_off(page, editor, reviewers: dict):
    """Submit, let every authority sign off, and return the (now finished) workflow state."""
    state = submit(page, editor)
    state.refresh_from_db()
    if state.current_task_state and state.status == state.STATUS_IN_PROGRESS:
        sign_off_round(state.current_task_state.specific, reviewers)
    state.refresh_from_db()
    return state
