"""The retrospective round after an emergency publish (RELIABILITY case 32) cannot be
ended from Wagtail's Workflows admin either: disabling the guides' workflow, or its sign-off
task, would cancel the round, and is refused with nothing changed.
"""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from guides.models import GuidePage
from guides.signoff import actions
from guides.signoff.models import EmergencyRelease, SectionSignOffTask
from tests.signoff.conftest import edit_section
from tests.signoff.test_emergency import ATP, REASON, retrospective_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def emergency_published(published_guide, admin_user):
    """The admin has emergency-published unsigned ATP text with a reason; the round is open."""
    edit_section(published_guide, ATP, "Usigneret ATP-tekst", user=admin_user)
    actions.emergency_publish(published_guide, admin_user, REASON)
    return GuidePage.objects.get(pk=published_guide.pk)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def disable_url(kind, workflow):
    if kind == "workflow":
        return reverse("wagtailadmin_workflows:disable", args=[workflow.pk])
    task = SectionSignOffTask.objects.get(workflow_tasks__workflow=workflow)
    return reverse("wagtailadmin_workflows:disable_task", args=[task.pk])


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("kind", ["workflow", "task"])
def test_disabling_during_a_retrospective_round_is_refused_and_changes_nothing(
    admin_client, emergency_published, workflow, kind
):
    state = retrospective_state(emergency_published)
    live_revision = emergency_published.live_revision_id

    response = admin_client.post(disable_url(kind, workflow))

    assert response.status_code == 302
    workflow.refresh_from_db()
    assert workflow.active
    assert SectionSignOffTask.objects.get(workflow_tasks__workflow=workflow).active
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"
    assert EmergencyRelease.objects.filter(page_id=emergency_published.pk, closed_at=None).exists()
    assert GuidePage.objects.get(pk=emergency_published.pk).live_revision_id == live_revision


@pytest.mark.parametrize("kind", ["workflow", "task"])
def test_the_refusal_says_that_the_retrospective_round_is_open(
    admin_client, emergency_published, workflow, kind
):
    response = admin_client.post(disable_url(kind, workflow))

    assert any("efterfølgende godkendelsesrunde er åben" in message for message in messages_of(response))
