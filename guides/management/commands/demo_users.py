from django.core.management.base import BaseCommand

from guides.demo import people
from guides.management.commands.load_demo import DEFAULT_DEMO_PASSWORD
from guides.models import Authority


class Command(BaseCommand):
    help = "Print the demo users, their roles and the demo password."

    def handle(self, *args, **options):
        import os

        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        names = dict(Authority.objects.values_list("code", "name"))
        rows = [(people.EDITOR["username"], "redaktør (Digitaliseringsstyrelsen)")]
        rows += [
            (people.reviewer_username(code), f"godkender for {names.get(code, code)}")
            for code in people.REVIEWER_NAMES
        ]
        rows.append((people.ADMIN["username"], "administrator (superuser)"))
        self.stdout.write(f"Demo users (password: {password}):")
        for username, role in rows:
            self.stdout.write(f"  {username:<20} {role}")
