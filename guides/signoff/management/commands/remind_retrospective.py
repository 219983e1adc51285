"""Remind whoever an open retrospective round waits for (run daily, e.g. from cron).

After an emergency publish, the retrospective round stays open until the owners have
decided; this command queues one reminder per authority still asked (or, when changes
were requested, to the person who emergency-published and the submitter).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from guides.signoff import notifications
from guides.signoff.models import EmergencyRelease


class Command(BaseCommand):
    help = "Remind the owners (or the editor) of every open retrospective round after an emergency publish."

    def handle(self, *args, **options):
        reminded = 0
        for release in EmergencyRelease.objects.open().select_related("workflow_state", "user"):
            with transaction.atomic():
                reminded += len(notifications.retrospective_reminder(release))
                release.last_reminded_at = timezone.now()
                release.save(update_fields=["last_reminded_at"])
        self.stdout.write(f"{reminded} reminder(s) queued.")
