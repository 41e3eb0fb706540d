from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from mitwirken.seeding import seed_run


class Command(BaseCommand):
    help = "Build the demo portal with German and English example content. Safe to run again."

    def handle(self, *args, **options):
        with translation.override("de"), transaction.atomic():
            seed_run(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo portal ready."))
