"""Publish a guide from the command line, through the sign-off guard like every path."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import LogContext

from guides.models import GuidePage
from guides.signoff.guard import SignOffRequired


class Command(BaseCommand):
    help = "Publish a guide's latest (or a given) revision. Refused unless every part is signed off."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--revision", type=int, help="Revision id (default: the latest)")
        parser.add_argument("--user", required=True, help="Username of the person publishing")

    def handle(self, slug, revision=None, user=None, **options):
        page = GuidePage.objects.filter(slug=slug).first()
        if page is None:
            raise CommandError(f"No guide with the slug »{slug}«.")
        publisher = get_user_model().objects.filter(username=user, is_active=True).first()
        if publisher is None:
            raise CommandError(f"No active user »{user}«.")
        if not page.permissions_for_user(publisher).can_publish():
            raise CommandError(f"{user} may not publish »{page.title}«.")
        target = page.revisions.filter(pk=revision).first() if revision else page.get_latest_revision()
        if target is None:
            raise CommandError(f"»{page.title}« has no revision {revision or ''}".strip() + ".")
        try:
            with LogContext(user=publisher):
                target.publish(user=publisher)
        except SignOffRequired as refused:
            raise CommandError(refused.args[0]) from refused
        self.stdout.write(self.style.SUCCESS(f"Published »{page.title}« revision {target.pk}."))
