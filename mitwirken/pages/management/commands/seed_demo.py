from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from mitwirken.pages import seed


class Command(BaseCommand):
    help = "Build the demo portal with German and English example content. Safe to run again."

    def handle(self, *args, **options):
        with translation.override("de"), transaction.atomic():
            for step in seed.STEPS:
                self.stdout.write(f"{step.__doc__.splitlines()[0]} …")
                step(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo portal ready."))
