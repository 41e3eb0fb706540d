"""What the apps' FilterSets share: a choice by slug and ``modified_since``."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters


def slug_filter(queryset, field_name: str, help_text) -> filters.ModelChoiceFilter:
    """A row chosen by its slug, as the HTML filter forms name it (``?district=hoerde``)."""
    return filters.ModelChoiceFilter(
        queryset=queryset, field_name=field_name, to_field_name="slug", help_text=help_text
    )


def modified_since_filter(field_name: str) -> filters.IsoDateTimeFilter:
    return filters.IsoDateTimeFilter(
        field_name=field_name,
        lookup_expr="gte",
        help_text=_(
            "Only rows changed at or after this moment, in ISO 8601 (2026-03-01T00:00:00+01:00)."
        ),
    )
