from django.core.management.base import BaseCommand

from guides.signoff.models import Notification
from guides.signoff.notifications import send_one


class Command(BaseCommand):
    help = "Send (or retry) notification e-mails that are still pending or failed."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=10)

    def handle(self, *args, max_attempts=10, **options):
        waiting = Notification.objects.exclude(status=Notification.SENT).filter(attempts__lt=max_attempts)
        sent = sum(send_one(notification) for notification in waiting)
        left = Notification.objects.exclude(status=Notification.SENT).count()
        self.stdout.write(f"{sent} sent, {left} still waiting.")
