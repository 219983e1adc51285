"""Pre-render every published guide into the delivery cache (after a deploy or a cache flush)."""

from django.core.management.base import BaseCommand

from guides.delivery.prerender import warm_all


class Command(BaseCommand):
    help = "Pre-render every published, public guide's variants into the delivery cache."

    def handle(self, **options):
        self.stdout.write(f"{warm_all()} guides pre-rendered")
