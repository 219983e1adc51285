"""``WAGTAIL_FINISH_WORKFLOW_ACTION``.

Wagtail imports this while it defines its own models, so everything else is imported
inside the function.
"""

import logging

logger = logging.getLogger(__name__)


def publish_signed_revision(workflow_state, user=None):
    """Publish the revision that was signed off, not the latest one.

    Wagtail would publish the *latest* revision, which may hold edits made after the
    reviewers looked. A round that finishes after a newer revision already went live
    (e.g. the retrospective round after an emergency publish) publishes nothing.
    """
    from wagtail.log_actions import LogContext
    from wagtail.workflows import publish_workflow_state

    from guides.models import GuidePage

    page = workflow_state.content_object.specific
    if not isinstance(page, GuidePage):
        return publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.current_task_state.revision
    live = page.live_revision
    if live is not None and (live.created_at, live.pk) > (revision.created_at, revision.pk):
        logger.info("Not republishing older signed revision %s of page %s", revision.pk, page.pk)
        return None
    with LogContext(user=user):
        # Completing the sign-off is what authorizes this publish; the last reviewer needs no
        # publish permission of their own.
        return revision.publish(user=user, skip_permission_checks=True)
