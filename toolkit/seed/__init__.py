"""Demo content of the Instrumentenkoffer for ``manage.py seed_demo``.

The format categories (the council paper's three groups and one for the established formats),
the toolkit and platform index pages, real open-source platforms with their licences (SPDX), and
real participation formats: established analog ones and the distance, social-participation and
digital formats that replace or complement them. The content is in this folder's YAML files; the
functions below write it. Idempotent: categories are found by slug, pages by their German slug
below their parent, and a format's examples are replaced as a whole.
"""

import datetime

from django.utils import timezone

from mitwirken.pages.models import HomePage
from mitwirken.seeding import Step, model_values, page_ensure, translated

from ..models import (
    FormatCategory,
    FormatExample,
    FormatPage,
    PlatformIndexPage,
    PlatformPage,
    ToolkitIndexPage,
)


def categories(data: list) -> int:
    """Instrumentenkoffer: the council's three format groups and the established formats"""
    for spec in data:
        FormatCategory.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"]["de"],
                **translated("name", spec["name"]),
                "description": spec["description"]["de"],
                **translated("description", spec["description"]),
                "sort_order": spec["sort_order"],
            },
        )
    return len(data)


def _toolkit() -> ToolkitIndexPage:
    return ToolkitIndexPage.objects.get(slug_de="instrumentenkoffer")


def toolkit_pages(data: dict) -> int:
    """Instrumentenkoffer: index page and the platform overview"""
    toolkit = page_ensure(HomePage.objects.get(), ToolkitIndexPage, data["toolkit"])
    page_ensure(toolkit, PlatformIndexPage, data["platform_index"])
    return 2


def platforms(data: dict) -> int:
    """Instrumentenkoffer: open-source platforms with their licences"""
    index = PlatformIndexPage.objects.child_of(_toolkit()).get(slug_de="plattformen")
    shared = model_values(PlatformPage, data["every_platform"])
    for spec in data["platforms"]:
        page_ensure(index, PlatformPage, spec, **shared)
    return len(data["platforms"])


def _example(spec: dict) -> FormatExample:
    return FormatExample(
        title=spec["title"]["de"],
        place=spec["place"]["de"],
        description=spec["description"]["de"],
        **model_values(FormatExample, spec),
    )


def formats(data: list) -> int:
    """Instrumentenkoffer: participation formats with their examples"""
    toolkit = _toolkit()
    for spec in data:
        spec = dict(spec)
        reviewed = datetime.timedelta(days=spec.pop("reviewed_days_ago"))
        examples = spec.pop("examples")
        page_ensure(
            toolkit,
            FormatPage,
            {"counterpart": None, "counterpart_relation": "", **spec},
            last_reviewed=timezone.localdate() - reviewed,
            reviewer=None,
            examples=[_example(example) for example in examples],
        )
    return len(data)


STEPS = [
    Step("categories.yaml", categories),
    Step("index_pages.yaml", toolkit_pages),
    Step("platforms.yaml", platforms),
    Step("formats.yaml", formats),
]
