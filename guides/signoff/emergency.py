"""Emergency is an event, not a state.

An emergency publish puts *one* revision live *once*, by a permitted user with a written
reason (``actions.EmergencyPublish``). It clears nothing: the units it put live stay
unsigned, so any later publish of that content by any path is refused like any other
unsigned content. It opens a retrospective round, recorded as an ``EmergencyRelease``,
that cannot be cancelled, restarted or skipped by a publish, a workflow cancel or a
restart; it ends only when the owners have decided (the workflow completes) or when a
new emergency publish, with its own reason, replaces it. Until then it is shown on the
sign-off screens and reminded (``manage.py remind_retrospective``).
"""

from __future__ import annotations

import contextlib
import threading

from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from guides.signoff.models import EmergencyRelease

_local = threading.local()


class RetrospectiveRoundOpen(Exception):
    """Raised (as a ``SignOffError`` subclass in ``actions``) when something tries to end
    a retrospective round other than by the owners' decisions."""


@contextlib.contextmanager
def authorized(revision):
    """Inside this block (and only here) the guard lets exactly ``revision`` go live
    unsigned: the one publish an emergency publish consists of."""
    previous = getattr(_local, "revision_id", None)
    _local.revision_id = revision.pk
    try:
        yield
    finally:
        _local.revision_id = previous


def authorized_revision_id():
    return getattr(_local, "revision_id", None)


@contextlib.contextmanager
def replacing():
    """A new emergency publish may end the previous retrospective round."""
    previous = getattr(_local, "replacing", False)
    _local.replacing = True
    try:
        yield
    finally:
        _local.replacing = previous


def open_release_for_workflow_state(workflow_state_id):
    if workflow_state_id is None:
        return None
    return EmergencyRelease.objects.open().filter(workflow_state_id=workflow_state_id).first()


def is_retrospective(workflow_state) -> bool:
    return workflow_state is not None and open_release_for_workflow_state(workflow_state.pk) is not None


def open_releases(page_id):
    return EmergencyRelease.objects.open().filter(page_id=page_id).order_by("created_at", "id")


def retrospective_workflow_state_ids(workflow_state_ids) -> set[int]:
    return set(
        EmergencyRelease.objects.open()
        .filter(workflow_state_id__in=set(workflow_state_ids))
        .values_list("workflow_state_id", flat=True)
    )


def live_release(page):
    """The open emergency release whose revision is what ``page`` has live, if any."""
    if not page.live_revision_id:
        return None
    return open_releases(page.pk).filter(revision_id=page.live_revision_id).first()


def close(release, because):
    release.closed_at = timezone.now()
    release.closed_because = because
    release.save(update_fields=["closed_at", "closed_because"])


# -- signal handlers (wired in signals.connect) ----------------------------------------


def refuse_ending_a_retrospective_round(sender, instance, raw=False, **kwargs):
    """``pre_save`` of workflow and task states: a retrospective round is not cancelled.

    Covers every way Wagtail cancels: the editor's Cancel and Restart workflow, a publish
    (``WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH``), deactivating a workflow or a task.
    """
    if raw or instance.pk is None or getattr(_local, "replacing", False):
        return
    if instance.status != TaskState.STATUS_CANCELLED:
        return
    workflow_state_id = instance.pk if isinstance(instance, WorkflowState) else instance.workflow_state_id
    release = open_release_for_workflow_state(workflow_state_id)
    if release is None:
        return
    stored = type(instance).objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    if stored == TaskState.STATUS_CANCELLED:
        return
    from guides.signoff.actions import RetrospectiveRound

    raise RetrospectiveRound(release)


def close_when_the_owners_have_decided(sender, instance, user=None, **kwargs):
    """``workflow_approved``: every owner has signed off; the retrospective round is over."""
    release = open_release_for_workflow_state(instance.pk)
    if release is not None:
        close(release, "signed")
