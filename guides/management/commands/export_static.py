"""Write every published, public guide's variants as static files (guides/delivery/export.py)."""

from django.core.management.base import BaseCommand

from guides.delivery.export import export_static


class Command(BaseCommand):
    help = "Write every published guide's audience variants (HTML and API JSON) as files for nginx or a CDN."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the export directory (nginx's root for the guides)")
        parser.add_argument(
            "--root-url",
            help="scheme and host the files are served under, e.g. https://vejviser.example "
            "(default: each guide's site)",
        )

    def handle(self, directory, root_url=None, **options):
        result = export_static(directory, root_url=root_url)
        self.stdout.write(
            f"{len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.removed)} removed"
        )
