"""What the page editor tells an editor who presses Publish during a retrospective round
(RELIABILITY case 32): the publish is refused (tests/signoff/test_emergency.py and the
browser test), and Wagtail's confirmation dialog before it should not promise otherwise.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from guides.models import GuidePage
from guides.signoff import actions
from tests.signoff.conftest import edit_section
from tests.signoff.test_emergency import ATP, REASON

pytestmark = pytest.mark.django_db

CANCEL_PROMISE = "will cancel the current workflow"


@pytest.fixture
def emergency_published(published_guide, admin_user):
    edit_section(published_guide, ATP, "Usigneret ATP-tekst", user=admin_user)
    actions.emergency_publish(published_guide, admin_user, REASON)
    return GuidePage.objects.get(pk=published_guide.pk)


def publish_confirmation(client, page):
    url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[page.pk])
    response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return response.json()


def test_an_ordinary_round_gets_wagtails_confirmation_that_publishing_cancels_it(
    client, published_guide, editor, reviewers
):
    edit_section(published_guide, "Afsnit skat", "Ny skattetekst.", user=editor)
    actions.Submit(GuidePage.objects.get(pk=published_guide.pk), editor).execute()
    client.force_login(editor)

    answer = publish_confirmation(client, published_guide)

    assert answer["step"] == "confirm"
    assert CANCEL_PROMISE in answer["html"]


def test_during_a_retrospective_round_the_dialog_does_not_promise_to_cancel_it(
    client, emergency_published, editor
):
    client.force_login(editor)

    answer = publish_confirmation(client, emergency_published)

    assert answer["step"] == "no_confirmation_needed"
    assert CANCEL_PROMISE not in answer.get("html", "")
