"""Concurrency against PostgreSQL, with real threads and real row locks.

Two reviewers acting at the same moment, a double click, two simultaneous submits and an
approval racing an edit: exactly one decision per section, never an error the user did
not cause, never a lost sign-off.
"""

import threading

import pytest
from django.db import connection, connections
from wagtail.models import TaskState, WorkflowState

from guides.models import GuidePage
from guides.signoff import actions, setup
from guides.signoff.models import SignOffEvent, SignOffRequest
from tests.factories import make_guide
from tests.signoff.conftest import edit_section

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks: run with DATABASE_URL=postgres://… (.ci/run does)")


def run_together(*calls):
    """Run the calls in threads released at the same instant; return (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # collected for the assertions
            errors[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


@pytest.fixture
def open_round(home, authorities, editor, workflow, reviewers):
    page = make_guide(home, user=editor, publish=False)
    state = setup.submit(page, editor)
    return page, state, state.current_task_state.specific


def pending(task_state, code):
    return (
        task_state.requests.filter(authority__code=code, status=SignOffRequest.PENDING).order_by("pk").first()
    )


def test_two_reviewers_approving_the_same_section_record_one_decision(
    open_round, reviewers, second_reviewers
):
    _, _, task_state = open_round
    request = pending(task_state, "skat")
    _, errors = run_together(
        lambda: actions.decide(request.pk, reviewers["skat"], actions.APPROVE),
        lambda: actions.decide(request.pk, second_reviewers["skat"], actions.APPROVE),
    )
    assert (
        SignOffEvent.objects.filter(action=SignOffEvent.APPROVED, section_id=request.section_id).count() == 1
    )
    assert sum(error is None for error in errors) == 1
    assert all(error is None or isinstance(error, actions.StaleDecision) for error in errors)


def test_double_click_records_one_decision_and_no_error(open_round, reviewers):
    _, _, task_state = open_round
    request = pending(task_state, "skat")
    _, errors = run_together(
        lambda: actions.decide(request.pk, reviewers["skat"], actions.APPROVE),
        lambda: actions.decide(request.pk, reviewers["skat"], actions.APPROVE),
    )
    assert errors == [None, None]
    assert SignOffEvent.objects.filter(action=SignOffEvent.APPROVED).count() == 1


def test_last_two_approvals_at_once_complete_the_task_and_publish_exactly_once(open_round, reviewers):
    page, state, task_state = open_round
    for code in ("digst", "star", "kl"):
        while (request := pending(task_state, code)) is not None:
            actions.decide(request.pk, reviewers[code], actions.APPROVE)
    skat, atp = pending(task_state, "skat"), pending(task_state, "atp-udk")
    _, errors = run_together(
        lambda: actions.decide(skat.pk, reviewers["skat"], actions.APPROVE),
        lambda: actions.decide(atp.pk, reviewers["atp-udk"], actions.APPROVE),
    )
    assert errors == [None, None]
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    page.refresh_from_db()
    assert page.live
    publishes = SignOffEvent.objects.filter(action=SignOffEvent.PUBLISHED).values("revision_id", "created_at")
    assert publishes.values("revision_id").distinct().count() == 1
    assert publishes.count() == 7  # one publish: one event per unit
    assert TaskState.objects.filter(workflow_state=state).count() == 1


def test_approval_and_request_for_changes_at_once_leave_one_consistent_outcome(open_round, reviewers):
    page, state, task_state = open_round
    for code in ("digst", "star", "kl"):
        while (request := pending(task_state, code)) is not None:
            actions.decide(request.pk, reviewers[code], actions.APPROVE)
    skat, atp = pending(task_state, "skat"), pending(task_state, "atp-udk")
    _, errors = run_together(
        lambda: actions.decide(skat.pk, reviewers["skat"], actions.REQUEST_CHANGES, "Forkert felt"),
        lambda: actions.decide(atp.pk, reviewers["atp-udk"], actions.APPROVE),
    )
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live
    assert errors[0] is None
    assert errors[1] is None or isinstance(errors[1], actions.StaleDecision)


def test_two_simultaneous_submits_start_one_round(home, authorities, editor, workflow):
    page = make_guide(home, user=editor, publish=False)
    results, errors = run_together(lambda: setup.submit(page, editor), lambda: setup.submit(page, editor))
    assert sum(result is not None for result in results) == 1
    assert (
        WorkflowState.objects.for_instance(page).filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1
    )
    assert SignOffRequest.objects.count() == 7  # one round's requests, not two
    # The loser hits Wagtail's one-active-workflow constraint; the whole attempt is rolled
    # back (and the admin turns it into a message: ConcurrentActionMiddleware).
    assert all(error is None or "unique_in_progress_workflow" in str(error) for error in errors)


def test_approval_of_revision_n_while_n_plus_1_is_saved_covers_only_n(open_round, editor, reviewers):
    page, _, task_state = open_round
    for code in ("digst", "star", "kl", "atp-udk"):
        while (request := pending(task_state, code)) is not None:
            actions.decide(request.pk, reviewers[code], actions.APPROVE)
    skat = pending(task_state, "skat")
    _, errors = run_together(
        lambda: actions.decide(skat.pk, reviewers["skat"], actions.APPROVE),
        lambda: edit_section(page, "Afsnit skat", "Ændret mens Skat godkendte", user=editor),
    )
    assert errors == [None, None]
    page = GuidePage.objects.get(pk=page.pk)
    assert page.live_revision_id == task_state.revision_id
    assert "Ændret mens Skat godkendte" not in str(page.body.get_prep_value())
    # The newer revision is a draft whose changed section needs a new sign-off.
    newer = page.get_latest_revision()
    assert newer.pk != task_state.revision_id
    with pytest.raises(Exception, match="Afsnit skat"):
        newer.publish(user=editor)
