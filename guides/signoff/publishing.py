"""Publishing a guide revision: through ``actions.PublishSigned``, in one transaction.

``GuidePublishPageRevisionAction`` is the publish action for guides on every path that
publishes a revision: ``GuidePage.publish()`` (so ``revision.publish()``, the admin's
Publish button, revert-and-publish, bulk and scheduled publishing and our commands) and
the publish action in Wagtail's action registry (used by the v3 API).
"""

from __future__ import annotations

from wagtail.actions.publish_page_revision import PublishPageRevisionAction


class GuidePublishPageRevisionAction(PublishPageRevisionAction):
    via = "publish()"

    def execute(self, skip_permission_checks=False):
        from guides.models import GuidePage
        from guides.signoff.actions import PublishSigned

        self.check(skip_permission_checks=skip_permission_checks)
        if not isinstance(self.object, GuidePage):
            return super().execute(skip_permission_checks=True)
        parent = super()

        def publish():
            self._take_the_rows_bookkeeping()
            return parent.execute(skip_permission_checks=True)

        return PublishSigned(self.revision, self.user, content=self.object, fresh=True, via=self.via).execute(
            publish
        )

    #: The page row's own fields that ``revision.as_object()`` copies from the row (not
    #: content): Wagtail made ``self.object`` before the row was locked, and a revision
    #: saved meanwhile (``latest_revision``), a lock or a move must not be overwritten.
    ROW_FIELDS = (
        "path",
        "depth",
        "numchild",
        "draft_title",
        "owner_id",
        "locked",
        "locked_by_id",
        "locked_at",
        "latest_revision_id",
        "latest_revision_created_at",
    )

    def _take_the_rows_bookkeeping(self):
        from wagtail.models import Page

        stored = Page.objects.filter(pk=self.object.pk).values(*self.ROW_FIELDS).first()
        if stored is None:
            return
        moved = stored["path"] != self.object.path
        for name, value in stored.items():
            setattr(self.object, name, value)
        if moved:
            self.object.set_url_path(self.object.get_parent())

    def _after_publish(self):
        """Wagtail cancels the object's workflow after a publish
        (``WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH``); a retrospective round after an emergency
        publish is not cancelled by a publish: it waits for the owners' decisions."""
        from guides.signoff import emergency

        state = self.object.current_workflow_state
        if state is None or not emergency.is_retrospective(state):
            return super()._after_publish()
        self.object._current_workflow_states = []  # Wagtail's own prefetch slot: "no workflow"
        try:
            return super()._after_publish()
        finally:
            del self.object._current_workflow_states


def publish_signed(page, revision, do_publish, *, user=None, via="publish()"):
    """Check ``revision`` and run ``do_publish()`` with the page row locked (for callers
    that publish by other means than Wagtail's publish action)."""
    from guides.signoff.actions import PublishSigned

    return PublishSigned(revision, user, via=via).execute(do_publish)
