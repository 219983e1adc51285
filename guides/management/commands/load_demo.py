"""Load the demo: authorities, role users, the home page and both guides, published.

Idempotent: running it again changes nothing. ``--refresh`` replaces the two demo
guides' content with the current demo text (as a new, published revision).
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from guides import services
from guides.demo import new_job, people, unemployment
from guides.document import GuideDocument
from guides.models import Authority, GuidePage
from guides.signoff import clearance, notifications, setup
from guides.signoff.units import units_of

HOME_INTRO = (
    "Vejviser samler det, du skal vide og gøre, når dit arbejdsliv ændrer sig. "
    "Svar på et par spørgsmål, og få en tjekliste, der passer til dig."
)
DEFAULT_DEMO_PASSWORD = "vejviser-demo"  # noqa: S105 (a documented demo default, refused outside DEBUG)


def demo_password() -> str:
    password = os.environ.get("DEMO_PASSWORD", "")
    if password:
        return password
    if not settings.DEBUG:
        raise CommandError("Set DEMO_PASSWORD: the demo users need a password outside development.")
    return DEFAULT_DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create the demo authorities, users and guides (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Replace the demo guides' content with the current demo text and publish it.",
        )

    def handle(self, *args, refresh=False, **options):
        password = demo_password()
        with transaction.atomic():
            home = services.ensure_home_page(title="Vejviser", intro=HOME_INTRO)
            authorities = {data["code"]: services.ensure_authority(**data) for data in people.AUTHORITIES}
            editors = services.ensure_editors_group(home)
            editor = services.ensure_user(
                people.EDITOR["username"], password, groups=[editors], **_fields(people.EDITOR)
            )
            for code, authority in authorities.items():
                first, last = people.REVIEWER_NAMES[code]
                services.ensure_user(
                    people.reviewer_username(code),
                    password,
                    groups=[authority.reviewer_group],
                    first_name=first,
                    last_name=last,
                    email=f"{people.reviewer_username(code)}@vejviser.example",
                )
            services.ensure_user(people.ADMIN["username"], password, superuser=True, **_fields(people.ADMIN))

            setup.ensure_workflow(home)
            reviewers = {
                code: get_user_model().objects.get(username=people.reviewer_username(code))
                for code in authorities
            }
            # The demo goes through the real sign-off workflow, quietly (no e-mails).
            with notifications.muted():
                for data in (unemployment.GUIDE, new_job.GUIDE):
                    self.load_guide(home, data, editor, reviewers, refresh)

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {Authority.objects.count()} authorities, "
                f"{GuidePage.objects.live().count()} published guides."
            )
        )

    def load_guide(self, home, data, editor, reviewers, refresh):
        page = GuidePage.objects.filter(slug=data["slug"]).first()
        if page is None:
            page = services.build_guide(home, data, owner=editor)
        elif refresh:
            services.update_guide(page, data)
        elif page.live and not clearance.not_signed(page.pk, units_of(GuideDocument.from_page(page))):
            self.stdout.write(f"  {data['slug']}: already loaded and signed off")
            return
        if page.current_workflow_state:
            page.current_workflow_state.cancel(user=editor)
        revision = page.save_revision(user=editor, log_action=True)
        state = setup.submit_and_sign_off(page, editor, reviewers)
        page.refresh_from_db()
        if not page.live or page.live_revision_id != revision.pk:
            raise CommandError(f"{data['slug']}: the sign-off round did not publish revision {revision.pk}")
        self.stdout.write(
            f"  {data['slug']}: signed off by every authority and published (revision {revision.pk}, {state})"
        )


def _fields(data):
    return {key: value for key, value in data.items() if key != "username"}
