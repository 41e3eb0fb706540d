from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from mitwirken.opendata.services import dumps_build


class Command(BaseCommand):
    help = "Write the open data downloads: every dataset of the API as JSON and CSV."

    def handle(self, *args, **options):
        def progress(dump):
            self.stdout.write(
                f"{dump.dataset}.{dump.format}: {dump.rows} rows, {filesizeformat(dump.size)}"
            )

        written = dumps_build(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{len(written)} files written."))
