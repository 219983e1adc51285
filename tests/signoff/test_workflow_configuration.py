"""RELIABILITY case 38: unsafe workflow configurations are refused.

Wagtail starts every task on the guide's *latest* revision. A stock task after the sign-off
task would be judged on a revision the authorities never signed (its approval is refused by
the guard and the workflow stalls); a task before it approves another revision than the one
the authorities sign. A guide workflow therefore holds the sign-off task alone: Wagtail's
Workflows admin refuses anything else with a message, so does any other code that puts the
tasks together, and a workflow made unsafe some other way is not used for a guide.
"""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from guides.signoff import actions, setup
from guides.signoff.actions import UnsafeWorkflow
from guides.signoff.configuration import MixedWorkflow
from guides.signoff.models import SectionSignOffTask
from tests.factories import GroupFactory, UserFactory, make_guide

pytestmark = pytest.mark.django_db

REFUSAL = "skal være den eneste opgave"


@pytest.fixture
def superuser(db):
    return UserFactory(username="superbruger", is_superuser=True, is_staff=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def sign_off_task(db):
    return SectionSignOffTask.objects.create(name=setup.TASK_NAME)


@pytest.fixture
def moderators_task(db):
    task = GroupApprovalTask.objects.create(name="Redaktionschefens godkendelse")
    task.groups.set([GroupFactory(name="Redaktionschefer")])
    return task


def workflow_form(name, tasks, *, existing=()):
    """The POST of Wagtail's workflow create/edit form: ``existing`` are the workflow's
    current ``WorkflowTask`` rows (kept, in this order), ``tasks`` the ones to add after them."""
    data = {
        "name": name,
        "workflow_tasks-TOTAL_FORMS": str(len(existing) + len(tasks)),
        "workflow_tasks-INITIAL_FORMS": str(len(existing)),
        "workflow_tasks-MIN_NUM_FORMS": "0",
        "workflow_tasks-MAX_NUM_FORMS": "1000",
        "pages-TOTAL_FORMS": "0",
        "pages-INITIAL_FORMS": "0",
        "pages-MIN_NUM_FORMS": "0",
        "pages-MAX_NUM_FORMS": "1000",
    }
    rows = [(row.task_id, str(row.pk)) for row in existing] + [(task.pk, "") for task in tasks]
    for index, (task_id, row_id) in enumerate(rows):
        data |= {
            f"workflow_tasks-{index}-task": str(task_id),
            f"workflow_tasks-{index}-id": row_id,
            f"workflow_tasks-{index}-ORDER": str(index + 1),
            f"workflow_tasks-{index}-DELETE": "",
        }
    return data


def error_messages(response) -> list[str]:
    return [
        str(message).strip()
        for message in get_messages(response.wsgi_request)
        if message.level_tag == "error"
    ]


class TestWorkflowsAdminCreate:
    """Wagtail's "New workflow" form."""

    url = reverse("wagtailadmin_workflows:add")

    @pytest.mark.parametrize("order", ["stock_task_after_sign_off", "stock_task_before_sign_off"])
    def test_a_workflow_mixing_the_sign_off_task_with_a_stock_task_is_refused_and_not_saved(
        self, admin_client, sign_off_task, moderators_task, order
    ):
        tasks = [sign_off_task, moderators_task]
        if order == "stock_task_before_sign_off":
            tasks.reverse()
        rows_before = set(WorkflowTask.objects.values_list("pk", flat=True))  # Wagtail's own default workflow

        response = admin_client.post(self.url, workflow_form("Blandet arbejdsgang", tasks), follow=True)

        assert response.status_code == 200
        (message,) = error_messages(response)
        assert REFUSAL in message
        assert "»Redaktionschefens godkendelse«" in message
        assert not Workflow.objects.filter(name="Blandet arbejdsgang").exists()
        assert set(WorkflowTask.objects.values_list("pk", flat=True)) == rows_before
        assert not WorkflowTask.objects.filter(task__in=tasks).exists()

    def test_the_refusal_is_shown_on_the_workflow_form_page(
        self, admin_client, sign_off_task, moderators_task
    ):
        response = admin_client.post(
            self.url, workflow_form("Blandet arbejdsgang", [sign_off_task, moderators_task]), follow=True
        )

        assert response.redirect_chain == [(self.url, 302)]
        assert REFUSAL in response.content.decode()

    def test_two_sign_off_tasks_in_one_workflow_are_refused_with_a_message_naming_the_second(
        self, admin_client, sign_off_task
    ):
        second = SectionSignOffTask.objects.create(name="Anden myndighedsgodkendelse")

        response = admin_client.post(
            self.url, workflow_form("Dobbelt godkendelse", [sign_off_task, second]), follow=True
        )

        (message,) = error_messages(response)
        assert REFUSAL in message
        assert "men her er også »Anden myndighedsgodkendelse«." in message
        assert not Workflow.objects.filter(name="Dobbelt godkendelse").exists()

    def test_the_message_names_the_sign_off_task_by_its_current_name(
        self, admin_client, sign_off_task, moderators_task
    ):
        sign_off_task.name = "Myndighedernes godkendelse"
        sign_off_task.save()

        response = admin_client.post(
            self.url, workflow_form("Blandet arbejdsgang", [sign_off_task, moderators_task]), follow=True
        )

        (message,) = error_messages(response)
        assert "»Myndighedernes godkendelse« (myndighedernes godkendelse af afsnit)" in message

    def test_a_workflow_with_only_the_sign_off_task_is_created(self, admin_client, sign_off_task):
        response = admin_client.post(self.url, workflow_form("Kun godkendelse", [sign_off_task]), follow=True)

        assert error_messages(response) == []
        workflow = Workflow.objects.get(name="Kun godkendelse")
        assert [task.pk for task in workflow.tasks] == [sign_off_task.pk]

    def test_a_workflow_of_stock_tasks_only_is_not_affected_by_the_rule(self, admin_client, moderators_task):
        second = GroupApprovalTask.objects.create(name="Juridisk godkendelse")

        response = admin_client.post(
            self.url, workflow_form("Nyhedsflow", [moderators_task, second]), follow=True
        )

        assert error_messages(response) == []
        assert Workflow.objects.get(name="Nyhedsflow").tasks.count() == 2


class TestWorkflowsAdminEdit:
    """Wagtail's "Editing workflow" form, on the guides' own workflow."""

    @pytest.fixture
    def guide_workflow(self, home):
        return setup.ensure_workflow(home)

    def edit_url(self, workflow):
        return reverse("wagtailadmin_workflows:edit", args=[workflow.pk])

    def test_adding_a_stock_task_after_the_sign_off_task_is_refused_and_not_saved(
        self, admin_client, guide_workflow, moderators_task
    ):
        rows = list(WorkflowTask.objects.filter(workflow=guide_workflow))

        response = admin_client.post(
            self.edit_url(guide_workflow),
            workflow_form(guide_workflow.name, [moderators_task], existing=rows),
            follow=True,
        )

        (message,) = error_messages(response)
        assert REFUSAL in message and "»Redaktionschefens godkendelse«" in message
        assert list(WorkflowTask.objects.filter(workflow=guide_workflow)) == rows
        assert [type(task) for task in guide_workflow.tasks.specific()] == [SectionSignOffTask]

    def test_putting_a_stock_task_before_the_sign_off_task_is_refused_and_not_saved(
        self, admin_client, guide_workflow, moderators_task
    ):
        (row,) = WorkflowTask.objects.filter(workflow=guide_workflow)
        data = workflow_form(guide_workflow.name, [moderators_task], existing=[row])
        # The new stock task first, the sign-off task second.
        data["workflow_tasks-0-ORDER"], data["workflow_tasks-1-ORDER"] = "2", "1"

        response = admin_client.post(self.edit_url(guide_workflow), data, follow=True)

        (message,) = error_messages(response)
        assert REFUSAL in message
        row_after = WorkflowTask.objects.get(workflow=guide_workflow)
        assert (row_after.pk, row_after.task_id, row_after.sort_order) == (
            row.pk,
            row.task_id,
            row.sort_order,
        )

    def test_renaming_the_guide_workflow_is_still_allowed(self, admin_client, guide_workflow):
        rows = list(WorkflowTask.objects.filter(workflow=guide_workflow))

        response = admin_client.post(
            self.edit_url(guide_workflow),
            workflow_form("Godkendelse af alle guides", [], existing=rows),
            follow=True,
        )

        assert error_messages(response) == []
        guide_workflow.refresh_from_db()
        assert guide_workflow.name == "Godkendelse af alle guides"


class TestOtherWaysOfPuttingTasksTogether:
    """The rule is on ``WorkflowTask`` itself, so scripts and the shell meet it too."""

    def test_adding_a_stock_task_to_the_guide_workflow_in_code_is_refused(self, home, moderators_task):
        workflow = setup.ensure_workflow(home)

        with pytest.raises(MixedWorkflow, match=REFUSAL):
            WorkflowTask.objects.create(workflow=workflow, task=moderators_task, sort_order=1)

        assert [type(task) for task in workflow.tasks.specific()] == [SectionSignOffTask]

    def test_adding_the_sign_off_task_to_a_stock_workflow_in_code_is_refused(
        self, sign_off_task, moderators_task
    ):
        workflow = Workflow.objects.create(name="Nyhedsflow")
        WorkflowTask.objects.create(workflow=workflow, task=moderators_task, sort_order=0)

        with pytest.raises(MixedWorkflow, match=REFUSAL):
            WorkflowTask.objects.create(workflow=workflow, task=sign_off_task, sort_order=1)

        assert list(workflow.tasks) == [moderators_task.task_ptr]


class TestAWorkflowMadeUnsafeBeforeTheRuleIsNotUsed:
    """A mixed workflow that exists anyway (made before the rule, or by a raw load that
    skips signals) is refused when a guide is submitted to it, before any task starts."""

    @pytest.fixture
    def unsafe_guide(self, home, authorities, editor, reviewers, moderators_task):
        guide = make_guide(home, user=editor)
        workflow = guide.get_workflow()
        # bulk_create sends no pre_save: the state a workflow from before the rule is in.
        WorkflowTask.objects.bulk_create(
            [WorkflowTask(workflow=workflow, task=moderators_task, sort_order=1)]
        )
        guide.save_revision(user=editor)
        return guide

    def test_submit_check_names_the_problem(self, unsafe_guide, editor):
        (problem,) = actions.Submit(unsafe_guide, editor).check(raise_error=False)

        assert isinstance(problem, UnsafeWorkflow)
        assert REFUSAL in problem.message and "»Redaktionschefens godkendelse«" in problem.message

    def test_submitting_is_refused_and_starts_no_workflow(self, unsafe_guide, editor):
        with pytest.raises(UnsafeWorkflow):
            actions.Submit(unsafe_guide, editor).execute()

        assert not WorkflowState.objects.filter(object_id=str(unsafe_guide.pk), status="in_progress").exists()

    def test_starting_the_workflow_directly_is_refused_and_leaves_nothing_behind(self, unsafe_guide, editor):
        # Wagtail's own Submit button calls ``Workflow.start``; our signal refuses it there.
        before = WorkflowState.objects.count()

        with pytest.raises(UnsafeWorkflow, match=REFUSAL):
            unsafe_guide.get_workflow().start(unsafe_guide, editor)

        assert WorkflowState.objects.count() == before

    def test_re_enabling_a_disabled_stock_task_in_the_admin_does_not_make_the_workflow_usable(
        self, home, authorities, editor, reviewers, admin_client, moderators_task
    ):
        # A disabled task does not count when tasks are put together, so the sign-off task
        # can join a workflow whose stock task is disabled; enabling that task in Wagtail's
        # admin (a ``Task`` save, not a ``WorkflowTask`` save) then makes the workflow mixed.
        guide = make_guide(home, user=editor)
        sign_off_task = SectionSignOffTask.objects.get(name=setup.TASK_NAME)
        mixed = Workflow.objects.create(name="Gammel arbejdsgang")
        WorkflowTask.objects.create(workflow=mixed, task=moderators_task, sort_order=0)
        moderators_task.deactivate()
        WorkflowTask.objects.create(workflow=mixed, task=sign_off_task, sort_order=1)
        WorkflowPage.objects.filter(page=home).update(workflow=mixed)
        admin_client.post(reverse("wagtailadmin_workflows:enable_task", args=[moderators_task.pk]))
        moderators_task.refresh_from_db()
        assert moderators_task.active
        guide.save_revision(user=editor)

        with pytest.raises(UnsafeWorkflow, match="»Redaktionschefens godkendelse«"):
            actions.Submit(guide, editor).execute()


def test_a_workflow_with_two_sign_off_tasks_is_named_as_unusable_with_the_second_task(db):
    workflow = Workflow.objects.create(name="Dobbelt godkendelse")
    first = SectionSignOffTask.objects.create(name="Godkendelse 1")
    second = SectionSignOffTask.objects.create(name="Godkendelse 2")
    # bulk_create: past the save() refusal, as a raw load or an old database could be.
    WorkflowTask.objects.bulk_create(
        [
            WorkflowTask(workflow=workflow, task=first, sort_order=0),
            WorkflowTask(workflow=workflow, task=second, sort_order=1),
        ]
    )

    problem = actions.workflow_problem(workflow)

    assert problem is not None
    assert "men den har også »Godkendelse 2«." in problem
