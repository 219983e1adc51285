"""Workflow configuration safety.

The sign-off task must be the only active task of a workflow that runs it. Wagtail
starts every task on the *latest* revision: a stock task after ours would be judged on
a revision the authorities never signed, its approval would be refused by the guard and
the workflow would stall; a task before ours would approve a revision other than the
one the authorities sign. Such a workflow is refused when it is put together (Wagtail's
Workflows admin shows the message), and, if one exists anyway (made before this rule),
when a guide is submitted to it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.models import Task

from guides.signoff.actions import SignOffError


class MixedWorkflow(SignOffError, ValidationError):
    """A workflow is being put together with the sign-off task and another task.

    Deliberately not a ``PermissionDenied`` (unlike ``UnsafeWorkflow``, the refusal to
    *use* such a workflow): Wagtail's admin views turn every ``PermissionDenied`` into their
    generic "you do not have permission" message on the dashboard, so this message would
    never be seen. As a ``SignOffError`` it reaches ``ConcurrentActionMiddleware``, which
    shows it on the workflow form after the request's transaction has been rolled back.
    """

    status = 400


def refuse_mixed_workflow(sender, instance, raw=False, **kwargs):
    """``pre_save`` of ``WorkflowTask``."""
    from guides.signoff.models import SectionSignOffTask

    if raw:
        return
    others = Task.objects.filter(workflow_tasks__workflow_id=instance.workflow_id, active=True)
    if instance.pk:
        others = others.exclude(workflow_tasks__pk=instance.pk)
    tasks = {task.pk: task for task in [*others.specific(), instance.task.specific]}
    ours = [task for task in tasks.values() if isinstance(task, SectionSignOffTask)]
    if len(tasks) < 2 or not ours:
        return
    # Everything beside the first sign-off task: stock tasks, or a second sign-off task.
    also = ", ".join(f"»{task.name}«" for task in tasks.values() if task is not ours[0])
    raise MixedWorkflow(
        f"Arbejdsgangen kan ikke gemmes: »{ours[0].name}« (myndighedernes godkendelse af afsnit) skal "
        f"være den eneste opgave i en arbejdsgang, men her er også {also}. En opgave før eller efter "
        "godkendelsen ville arbejde på en anden version af guiden end den, myndighederne godkender, "
        "så den godkendte version aldrig blev udgivet. Lav en separat arbejdsgang til de andre opgaver."
    )


def refuse_submitting_to_a_mixed_workflow(sender, instance, user=None, **kwargs):
    """``workflow_submitted``: a workflow made unsafe before this rule is not used."""
    from guides.models import GuidePage
    from guides.signoff.actions import UnsafeWorkflow, workflow_problem

    if not isinstance(instance.content_object, GuidePage):
        return
    problem = workflow_problem(instance.workflow)
    if problem:
        raise UnsafeWorkflow(problem)
