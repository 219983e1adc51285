"""Check every external link in the guides and store the results (run it from cron).

    python manage.py check_links                      # every guide, every link
    python manage.py check_links --guide hvis-du-bliver-ledig
    python manage.py check_links --stale-only         # skip links checked recently

It contacts the sites the guides link to, so it is never run automatically by
``make run`` or ``load_demo``.
"""

from django.core.management.base import BaseCommand, CommandError

from guides.editorial import linkcheck
from guides.editorial.models import LinkCheck
from guides.editorial.tasks import check_and_record, guide_urls
from guides.models import GuidePage


class Command(BaseCommand):
    help = "Check the external links of the guides (HEAD, GET fallback, redirects recorded)."

    def add_arguments(self, parser):
        parser.add_argument("--guide", action="append", default=[], metavar="SLUG", help="Only this guide.")
        parser.add_argument(
            "--stale-only",
            action="store_true",
            help="Skip links checked within VEJVISER_LINKCHECK_RECHECK_AFTER_HOURS.",
        )

    def handle(self, *args, guide, stale_only, **options):
        pages = GuidePage.objects.order_by("path")
        if guide:
            pages = pages.filter(slug__in=guide)
            missing = set(guide) - set(pages.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No guide with the slug(s): {', '.join(sorted(missing))}")
        urls = list(dict.fromkeys(url for page in pages for url in guide_urls(page)))
        counts = check_and_record(urls, force=not stale_only)
        summary = ", ".join(
            f"{kind} {counts[kind]}" for kind in (*linkcheck.RESULTS, "skipped") if counts[kind]
        )
        self.stdout.write(f"{len(urls)} links in {pages.count()} guide(s): {summary or 'nothing to check'}")
        for check in LinkCheck.objects.filter(url__in=urls).failed():
            detail = check.status_text or check.error
            self.stdout.write(self.style.WARNING(f"  {check.get_result_display()}: {check.url} ({detail})"))
