"""Reads of the Wegweiser: the finder's matches (``finder``), the A–Z index (``a_to_z``) and
the district hubs (``hubs``).

Each read makes the same number of queries however many offerings, procedures or formats
there are: statuses are computed in the database (participation's selectors), related rows
are prefetched, and every list is capped by a slice, not by a loop. This module holds what
they share.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as translation_language
from wagtail.models import Page

KIND_LABELS = {
    "procedure": _("Procedure"),
    "offering": _("Offering"),
    "format": _("Format"),
    "training": _("Training"),
}


@dataclass
class Listed:
    """A page in a list of the Wegweiser, and what kind of page it is."""

    kind: str
    page: Page

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def capped(queryset, limit: int) -> tuple[list, bool]:
    """The first ``limit`` rows and whether there are more, in one query."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def by_title():
    """Order by the title as shown in the active language: the translation, else German."""
    source = build_localized_fieldname("title", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    shown = build_localized_fieldname("title", translation_language())
    return Coalesce(NullIf(F(shown), Value("")), F(source)).asc()
