from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from mitwirken.editorial.seed import demo_accounts
from mitwirken.seeding import seed_run


class Command(BaseCommand):
    help = "Build the demo portal with German and English example content. Safe to run again."

    def handle(self, *args, **options):
        with translation.override("de"), transaction.atomic():
            seed_run(stdout=self.stdout)
        accounts = demo_accounts()
        if accounts:
            self.stdout.write("Demo staff accounts (for the demo only, see docs/staff.md):")
            for line in accounts:
                self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Demo portal ready."))
