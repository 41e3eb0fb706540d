"""Formats and platforms of the Instrumentenkoffer in the read API (mitwirken.opendata,
docs/api.md). Who reviewed a format is left out (a member of staff)."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import serializers

from mitwirken.opendata.filters import modified_since_filter, slug_filter
from mitwirken.opendata.registry import Dataset
from mitwirken.opendata.serializers import PageSerializer

from .models import FormatCategory, FormatPage, Mode, Openness, PlatformPage, Purpose, Recruitment


class FormatSerializer(PageSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    platforms = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text=_("The ids of the platforms it runs on.")
    )
    counterpart = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text=_("The id of its digital or analog counterpart, if any."),
    )

    class Meta:
        model = FormatPage
        fields = (
            *PageSerializer.Meta.fields,
            "category",
            "mode",
            "purpose",
            "openness",
            "recruitment",
            "group_size_min",
            "group_size_max",
            "duration",
            "preparation_effort",
            "staff_effort",
            "cost_level",
            "equipment_participants",
            "equipment_organisers",
            "skills",
            "facilitation",
            "target_groups",
            "accessibility_notes",
            "data_protection_notes",
            "platforms",
            "counterpart",
            "counterpart_relation",
            "last_reviewed",
        )


class FormatFilter(filters.FilterSet):
    """The filters of /instrumentenkoffer/ with the same names and values."""

    category = slug_filter(FormatCategory.objects.all(), "category", _("A category's slug."))
    mode = filters.ChoiceFilter(choices=Mode.choices, help_text=_("Online, in person or both."))
    purpose = filters.ChoiceFilter(choices=Purpose.choices, help_text=_("What it is for."))
    openness = filters.ChoiceFilter(choices=Openness.choices, help_text=_("Who may take part."))
    recruitment = filters.ChoiceFilter(
        choices=Recruitment.choices, help_text=_("How participants are found.")
    )
    modified_since = modified_since_filter("last_published_at")

    class Meta:
        model = FormatPage
        fields = ("category", "mode", "purpose", "openness", "recruitment", "modified_since")


class PlatformSerializer(PageSerializer):
    class Meta:
        model = PlatformPage
        fields = (
            *PageSerializer.Meta.fields,
            "website",
            "source_code",
            "licence",
            "maintainer",
            "purposes",
            "hosting",
            "hosting_notes",
            "data_protection",
            "accessibility",
            "languages",
            "costs",
            "community",
            "procurement_notes",
            "last_reviewed",
        )


class PlatformFilter(filters.FilterSet):
    modified_since = modified_since_filter("last_published_at")

    class Meta:
        model = PlatformPage
        fields = ("modified_since",)


DATASETS = [
    Dataset(
        name="formats",
        title=_("Formats"),
        description=_("The participation formats of the Instrumentenkoffer with their attributes."),
        queryset=lambda: (
            FormatPage.objects.live()
            .public()
            .for_listing()
            .prefetch_related("platforms")
            .order_by("title", "pk")
        ),
        serializer=FormatSerializer,
        filterset=FormatFilter,
        lookup_field="pk",
        modified_field="last_published_at",
    ),
    Dataset(
        name="platforms",
        title=_("Platforms"),
        description=_("Open-source participation platforms with licence, hosting and notes."),
        queryset=lambda: PlatformPage.objects.live().public().order_by("title", "pk"),
        serializer=PlatformSerializer,
        filterset=PlatformFilter,
        lookup_field="pk",
        modified_field="last_published_at",
    ),
]
