"""The registries through which each app declares something in a module of its own (its
``personal_data``, its ``api``): found by name, so the lower app that reads them imports none."""

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps


def app_modules(module: str) -> tuple[ModuleType, ...]:
    """Each installed app's module ``module``, in the order of ``INSTALLED_APPS``."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{module}"
        if find_spec(name) is not None:
            found.append(import_module(name))
    return tuple(found)
