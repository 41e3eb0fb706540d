"""Reads of the toolkit: the format listing and its category counts, the formats to compare,
and the pages a format or platform links to.

Every listing makes the same number of queries however many formats or platforms there are:
categories and established formats are joined, platforms and alternatives are prefetched.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from .models import FormatCategory, FormatPage, FormatSuggestion, Level, PlatformPage

#: The levels in rising order, for "at most" filters (costs, staff effort).
LEVEL_ORDER = [Level.LOW, Level.MEDIUM, Level.HIGH]


def levels_up_to(level: str) -> list[str]:
    """``low`` → [low]; ``medium`` → [low, medium]; ``high`` → all three."""
    return [str(value) for value in LEVEL_ORDER[: LEVEL_ORDER.index(level) + 1]]


def _text_q(query: str) -> Q:
    """Title or summary contains ``query``, in any language (an untranslated page falls back
    to German, so a search in English finds it by its German words too)."""
    condition = Q()
    for code, _name in settings.LANGUAGES:
        condition |= Q(**{f"title_{code}__icontains": query})
        condition |= Q(**{f"summary_{code}__icontains": query})
    return condition


def _public_alternatives() -> Prefetch:
    """An established format's live, public alternatives as ``public_alternatives``."""
    return Prefetch(
        "alternatives",
        queryset=FormatPage.objects.live().public().order_by("title", "pk"),
        to_attr="public_alternatives",
    )


def format_list(
    *,
    parent=None,
    query: str = "",
    mode: str = "",
    purpose: str = "",
    openness: str = "",
    recruitment: str = "",
    max_cost: str = "",
    max_staff_effort: str = "",
    participants: int | None = None,
) -> QuerySet:
    """Live, public formats (below ``parent``) matching the filters, with category and
    established format joined and the alternatives of an established format prefetched, ordered
    for grouping: category order, category name, title.

    The category is filtered by the caller, so the counts per category can ignore it."""
    formats = FormatPage.objects.live().public()
    if parent is not None:
        formats = formats.child_of(parent)
    if query:
        formats = formats.filter(_text_q(query))
    if mode:
        formats = formats.filter(mode=mode)
    if purpose:
        formats = formats.filter(purpose=purpose)
    if openness:
        formats = formats.filter(openness=openness)
    if recruitment:
        formats = formats.filter(recruitment=recruitment)
    if max_cost:
        formats = formats.filter(cost_level__in=levels_up_to(max_cost))
    if max_staff_effort:
        formats = formats.filter(staff_effort__in=levels_up_to(max_staff_effort))
    if participants is not None:
        formats = formats.filter(group_size_min__lte=participants).filter(
            Q(group_size_max__isnull=True) | Q(group_size_max__gte=participants)
        )
    return (
        formats.for_listing()
        .select_related("counterpart")
        .prefetch_related(_public_alternatives())
        .order_by("category__sort_order", "category__name", "title", "pk")
    )


def categories_with_counts(formats: QuerySet) -> QuerySet:
    """Every category (in its order) annotated with ``format_count``, the number of ``formats``
    in it: one aggregate query."""
    return FormatCategory.objects.annotate(
        format_count=Count("formats", filter=Q(formats__in=formats.order_by().values("pk")))
    ).order_by("sort_order", "name")


def public_platforms() -> QuerySet:
    return PlatformPage.objects.live().public().order_by("title")


def formats_for_comparison(ids: Iterable[int]) -> list[FormatPage]:
    """The live, public formats with these ids, in the order given, with category and
    established format joined and their live platforms and alternatives prefetched (as
    ``public_platforms`` and ``public_alternatives``).
    Unknown or unpublished ids are left out."""
    ids = list(ids)
    formats = (
        FormatPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .for_listing()
        .select_related("counterpart")
        .prefetch_related(
            Prefetch("platforms", queryset=public_platforms(), to_attr="public_platforms"),
            _public_alternatives(),
        )
    )
    by_pk = {format_page.pk: format_page for format_page in formats}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def format_platforms(format_page: FormatPage) -> QuerySet:
    """The live platforms a format uses (also in a preview, where the relation lives in memory)."""
    pks = [platform.pk for platform in format_page.platforms.all()]
    return public_platforms().filter(pk__in=pks)


def format_alternatives(format_page: FormatPage) -> QuerySet:
    """The live digital alternatives that replace or complement this (established) format."""
    if not format_page.pk:
        return FormatPage.objects.none()
    return format_page.alternatives.live().public().order_by("title")


def format_counterpart(format_page: FormatPage) -> FormatPage | None:
    """The established format this one replaces or complements, when it is published."""
    if not format_page.counterpart_id:
        return None
    return FormatPage.objects.live().public().filter(pk=format_page.counterpart_id).first()


def platform_formats(platform: PlatformPage) -> QuerySet:
    """The live formats that use this platform."""
    return platform.formats.live().public().for_listing().order_by("title")


def suggestions_new() -> QuerySet:
    """Format suggestions nobody has dealt with yet, oldest first."""
    return FormatSuggestion.objects.filter(status=FormatSuggestion.Status.NEW).order_by(
        "created_at", "pk"
    )
