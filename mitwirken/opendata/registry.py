"""The public datasets of the portal, as each app declares them in its own ``api.py``.

An app's ``api.py`` defines ``DATASETS``, a list of ``Dataset``: its name (the path under
``/api/v1/``), a title and description for the documentation, the queryset of every public row
(live, public pages only; never personal data), the serializer that writes one row, and
optionally the filters of its list (a django-filter ``FilterSet``, with the parameter names of
the app's HTML filter form) and the date a row last changed (``modified_field``: the API's
``Last-Modified`` and ``?modified_since=``).

The read API (``urls``) makes a list and a detail endpoint of each. ``datasets()`` is also what
writes the same data without HTTP, e.g. a nightly dump::

    for dataset in datasets():
        rows = dataset.serializer(dataset.rows(), many=True, context={"request": None}).data

Apps are asked in the order of ``INSTALLED_APPS``; nothing here imports an app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import QuerySet
from django.utils.functional import Promise
from django_filters.rest_framework import FilterSet
from rest_framework.serializers import Serializer

from mitwirken.web.app_modules import app_modules

MODULE = "api"

Text = Promise | str


@dataclass(frozen=True)
class Dataset:
    #: The path segment under /api/v1/, plural English ("procedures").
    name: str
    title: Text
    description: Text
    #: Every public row, with what the serializer reads prefetched (a fixed number of queries).
    queryset: Callable[[], QuerySet]
    serializer: type[Serializer]
    filterset: type[FilterSet] | None = None
    #: The field a row is found by in its detail URL.
    lookup_field: str = "slug"
    #: A date field of the row that changes with it, for Last-Modified and modified_since.
    modified_field: str = ""

    def rows(self) -> QuerySet:
        return self.queryset()


@cache
def datasets() -> tuple[Dataset, ...]:
    """Every app's ``DATASETS``, in the order of ``INSTALLED_APPS``."""
    return tuple(
        dataset for module in app_modules(MODULE) for dataset in getattr(module, "DATASETS", ())
    )
