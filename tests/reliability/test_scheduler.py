"""Case 26 with real concurrency: two scheduler runs at the same instant (cron overlapping
a slow run) publish a due, signed-off revision exactly once and an unsigned one never.
Sequential runs, late runs and the overdue alert: tests/signoff/test_publish_paths.py.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Revision

from guides.models import GuidePage
from guides.signoff.models import SignOffEvent
from tests.conftest import _Discard
from tests.factories import make_guide
from tests.signoff.conftest import edit_section
from tests.signoff.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks: run with DATABASE_URL=postgres://… (.ci/run does)")


def test_two_scheduler_runs_at_once_publish_each_due_revision_once_and_unsigned_never(
    home, authorities, editor, workflow, reviewers
):
    signed = make_guide(home, user=editor)
    revision = GuidePage.objects.get(pk=signed.pk).save_revision(user=editor)
    unsigned = make_guide(
        home, __import__("tests.factories", fromlist=["guide_data"]).guide_data("anden"), user=editor
    )
    unsigned_revision = edit_section(unsigned, "Afsnit skat", "Ikke godkendt", user=editor)
    late = timezone.now() - datetime.timedelta(hours=3)  # the scheduler was down for a while
    Revision.objects.filter(pk__in=[revision.pk, unsigned_revision.pk]).update(approved_go_live_at=late)
    unsigned_live = GuidePage.objects.get(pk=unsigned.pk).live_revision_id

    def run():
        call_command("publish_scheduled", stdout=_Discard(), stderr=_Discard())

    _, errors = run_together(run, run)
    assert errors == [None, None]
    assert GuidePage.objects.get(pk=signed.pk).live_revision_id == revision.pk
    published = SignOffEvent.objects.filter(action=SignOffEvent.PUBLISHED, revision_id=revision.pk)
    assert published.count() == 7  # one publish: one event per unit
    assert GuidePage.objects.get(pk=unsigned.pk).live_revision_id == unsigned_live
    assert not Revision.objects.exclude(approved_go_live_at=None).exists()
