"""Offerings and the district councils' sessions in the read API (mitwirken.opendata,
docs/api.md). An offering's phone and e-mail are left out: its page shows them to people."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import serializers

from mitwirken.opendata.filters import modified_since_filter, slug_filter
from mitwirken.opendata.registry import Dataset
from mitwirken.opendata.serializers import PageSerializer, PageUrlField
from mitwirken.places.models import District

from .models import Channel, CouncilSession, DistrictHubPage, Intent, OfferingPage


class OfferingSerializer(PageSerializer):
    intents = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    districts = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        read_only=True,
        help_text=_("The districts it is offered in; none: the whole city."),
    )

    class Meta:
        model = OfferingPage
        fields = (
            *PageSerializer.Meta.fields,
            "description",
            "intents",
            "provider",
            "channel",
            "districts",
            "address",
            "opening_times",
            "website",
            "languages",
            "step_free",
            "induction_loop",
            "sign_language",
            "accessibility_notes",
            "costs",
        )


class OfferingFilter(filters.FilterSet):
    """The Wegweiser's questions with the same names and values."""

    intent = filters.ChoiceFilter(
        field_name="intents__slug", choices=Intent.Choices.choices, help_text=_("What one wants.")
    )
    district = slug_filter(District.objects.all(), "districts", _("A district's slug."))
    channel = filters.ChoiceFilter(choices=Channel.choices, help_text=_("Digital or analog."))
    modified_since = modified_since_filter("last_published_at")

    class Meta:
        model = OfferingPage
        fields = ("intent", "district", "channel", "modified_since")


class CouncilSessionSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(
        source="page.district", slug_field="slug", read_only=True
    )
    hub_url = PageUrlField(source="page", help_text=_("The district hub that lists the session."))

    class Meta:
        model = CouncilSession
        fields = (
            "id",
            "district",
            "start",
            "place",
            "question_time",
            "notes",
            "agenda_url",
            "hub_url",
        )


class CouncilSessionFilter(filters.FilterSet):
    district = slug_filter(District.objects.all(), "page__district", _("A district's slug."))
    start_after = filters.IsoDateTimeFilter(
        field_name="start", lookup_expr="gte", help_text=_("Only sessions from this moment on.")
    )

    class Meta:
        model = CouncilSession
        fields = ("district", "start_after")


DATASETS = [
    Dataset(
        name="offerings",
        title=_("Offerings"),
        description=_("The Wegweiser's offerings for taking part, digital and analog."),
        queryset=lambda: OfferingPage.objects.live().public().for_listing().order_by("title"),
        serializer=OfferingSerializer,
        filterset=OfferingFilter,
        lookup_field="pk",
        modified_field="last_published_at",
    ),
    Dataset(
        name="council-sessions",
        title=_("Council sessions"),
        description=_("The public sessions of the twelve Bezirksvertretungen, from the hubs."),
        queryset=lambda: (
            CouncilSession.objects.filter(page__in=DistrictHubPage.objects.live().public())
            .select_related("page__district")
            .order_by("start", "pk")
        ),
        serializer=CouncilSessionSerializer,
        filterset=CouncilSessionFilter,
        lookup_field="pk",
    ),
]
