from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation


def seed_steps() -> list:
    """Every installed app's ``seed.STEPS``, in the order of INSTALLED_APPS."""
    steps = []
    for app_config in apps.get_app_configs():
        try:
            module = import_module(f"{app_config.name}.seed")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.seed":
                raise
            continue
        steps.extend(module.STEPS)
    return steps


class Command(BaseCommand):
    help = "Build the demo portal with German and English example content. Safe to run again."

    def handle(self, *args, **options):
        with translation.override("de"), transaction.atomic():
            for step in seed_steps():
                self.stdout.write(f"{step.__doc__.splitlines()[0]} …")
                step(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo portal ready."))
