"""Imports the council's information from the configured OParl endpoint (docs/oparl.md)."""

from django.core.management.base import BaseCommand, CommandError

from ... import services
from ...models import ImportRun


class Command(BaseCommand):
    help = "Import bodies, organizations, meetings and papers from the OParl endpoint."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full", action="store_true", help="Fetch everything, not only what changed."
        )

    def handle(self, *args, full=False, **options):
        def progress(kind, page, counts):
            self.stdout.write(
                f"{kind}: page {page}, {counts['created']} created, "
                f"{counts['updated']} updated, {counts['unchanged']} unchanged"
            )

        try:
            run = services.oparl_import(
                trigger=ImportRun.Trigger.COMMAND, full=full, progress=progress
            )
        except services.ImportAlreadyRunning as error:
            raise CommandError("Another import is running.") from error
        if run is None:
            raise CommandError("No OParl system URL is set (Settings → Council information).")
        for line in run.errors.splitlines():
            self.stderr.write(line)
        self.stdout.write(f"Import {run.get_status_display()}.")
