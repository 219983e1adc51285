"""Wagtail's ``publish_scheduled``, made safe for guides.

Each scheduled revision is published in its own transaction with its row locked, so a
scheduler that runs twice at once publishes it exactly once; a guide revision that is
not signed off is not published (the refusal is logged and its schedule cleared) and
the other scheduled revisions still go out; a revision whose publish fails stays scheduled
for the next run without holding back the others. Schedules more than
``VEJVISER_SCHEDULE_OVERDUE_MINUTES`` late are reported as overdue (an alert).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Revision

from guides.models import GuidePage
from guides.signoff.guard import SignOffRequired, check_publishable

logger = logging.getLogger("vejviser.scheduler")


class Command(WagtailPublishScheduled):
    def handle(self, *args, **options):
        if options.get("dryrun"):
            return super().handle(*args, **options)
        self.alert_overdue()
        # Expiry (unpublishing) is Wagtail's own; we replace only the publishing half.
        due_ids = list(
            Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            .order_by("approved_go_live_at")
            .values_list("pk", flat=True)
        )
        self.unpublish_expired()
        published = refused = failed = 0
        for revision_id in due_ids:
            try:
                outcome = self.publish_one(revision_id)
            except Exception:
                # One revision's failure (its transaction is rolled back, so it stays
                # scheduled for the next run) must not hold back the others.
                logger.exception(
                    "Scheduled publish of revision %s failed; it is retried on the next run", revision_id
                )
                outcome = "failed"
            published += outcome == "published"
            refused += outcome == "refused"
            failed += outcome == "failed"
        self.stdout.write(f"Scheduled publishing: {published} published, {refused} refused, {failed} failed.")
        if failed:
            self.stderr.write(f"{failed} scheduled revision(s) failed and stay scheduled; see the log.")

    def unpublish_expired(self):
        from django.apps import apps
        from wagtail.models import DraftStateMixin, Page

        models = [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]
        for model in models:
            for obj in list(model.objects.filter(live=True, expire_at__lt=timezone.now())):
                obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")

    def publish_one(self, revision_id):
        revision = Revision.objects.filter(pk=revision_id).first()
        if revision is None or revision.approved_go_live_at is None:
            return "already"
        content = revision.as_object()
        if isinstance(content, GuidePage):
            try:
                # Checked (and a refusal logged) before anything changes.
                check_publishable(content, revision=revision, via="scheduled")
            except SignOffRequired as refused:
                Revision.objects.filter(pk=revision_id).update(approved_go_live_at=None)
                logger.error("Scheduled publish of revision %s refused: %s", revision_id, refused.args[0])
                self.stderr.write(refused.args[0])
                return "refused"
        with transaction.atomic():
            revision = Revision.objects.select_for_update().filter(pk=revision_id).first()
            if revision is None or revision.approved_go_live_at is None:
                return "already"  # another run got there first
            revision.publish(log_action="wagtail.publish.scheduled")
            return "published"

    def alert_overdue(self):
        limit = getattr(settings, "VEJVISER_SCHEDULE_OVERDUE_MINUTES", 15)
        overdue = Revision.objects.filter(
            approved_go_live_at__lt=timezone.now() - datetime.timedelta(minutes=limit)
        ).values_list("pk", "approved_go_live_at")
        for revision_id, go_live_at in overdue:
            logger.warning(
                "Overdue scheduled publish: revision %s was due at %s (more than %s minutes ago)",
                revision_id,
                go_live_at.isoformat(),
                limit,
            )
