"""Procedures and the Vorhabenliste in the read API (mitwirken.opendata, docs/api.md).

Only live, public pages; contributions only as counts of the visible ones. The contact person
of a procedure (name, e-mail, phone) is left out: the page itself shows it, the data names the
responsible office."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import serializers

from mitwirken.opendata.filters import modified_since_filter, slug_filter
from mitwirken.opendata.registry import Dataset
from mitwirken.opendata.serializers import PageSerializer
from mitwirken.places.models import District, Topic

from . import selectors
from .models import CouncilStep, Phase, PlannedProjectPage, ProcedureDistrict, ProcedurePage
from .models.procedures import ProcedureKind, ProcedureStatus


def slugs() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)


class PhaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Phase
        fields = (
            "title",
            "kind",
            "start",
            "end",
            "allows_proposals",
            "allows_comments",
            "allows_support",
            "allows_polls",
            "allows_statements",
        )


class ProcedureDistrictSerializer(serializers.ModelSerializer):
    slug = serializers.SlugRelatedField(source="district", slug_field="slug", read_only=True)

    class Meta:
        model = ProcedureDistrict
        fields = ("slug", "partly")


class CouncilStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = CouncilStep
        fields = ("body", "date", "role")


class ContributionCountsSerializer(serializers.Serializer):
    proposals = serializers.IntegerField(source="proposal_count")
    comments = serializers.IntegerField(source="comment_count")
    supports = serializers.IntegerField(source="support_count")
    poll_votes = serializers.IntegerField(source="poll_vote_count")
    statements = serializers.IntegerField(source="statement_count")


class ProcedureSerializer(PageSerializer):
    status = serializers.ChoiceField(
        source="listing_status",
        choices=ProcedureStatus.choices,
        help_text=_("Where the procedure stands now, as its page shows it."),
    )
    phases = PhaseSerializer(many=True, read_only=True)
    districts = ProcedureDistrictSerializer(
        source="procedure_districts",
        many=True,
        read_only=True,
        help_text=_("The districts concerned; none: the whole city."),
    )
    topics = slugs()
    council_paper = serializers.CharField(
        help_text=_("The council paper (Drucksache) reference, e.g. 16389-20; empty if none.")
    )
    council_steps = CouncilStepSerializer(
        many=True,
        read_only=True,
        help_text=_("The paper's deliberation sequence (Beratungsfolge)."),
    )
    contributions = ContributionCountsSerializer(
        source="*", help_text=_("How many visible contributions the procedure has.")
    )

    class Meta:
        model = ProcedurePage
        fields = (
            *PageSerializer.Meta.fields,
            "kind",
            "mode",
            "status",
            "responsible_office",
            "phases",
            "districts",
            "topics",
            "council_paper",
            "council_steps",
            "contributions",
        )


def procedures():
    return selectors.procedures_counted(selectors.procedure_list()).prefetch_related(
        "council_steps"
    )


class ProcedureFilter(filters.FilterSet):
    """The filters of /beteiligung/ with the same names and values."""

    district = slug_filter(
        District.objects.all(), "procedure_districts__district", _("A district's slug.")
    )
    topic = slug_filter(Topic.objects.all(), "topics", _("A topic's slug."))
    status = filters.ChoiceFilter(
        field_name="listing_status", choices=ProcedureStatus.choices, help_text=_("The status.")
    )
    kind = filters.ChoiceFilter(
        choices=ProcedureKind.choices, help_text=_("The kind of participation.")
    )
    modified_since = modified_since_filter("last_published_at")

    class Meta:
        model = ProcedurePage
        fields = ("district", "topic", "status", "kind", "modified_since")


class PlannedProjectSerializer(PageSerializer):
    districts = slugs()
    topics = slugs()
    procedure = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text=_("The id of the procedure of this project, if there is one."),
    )

    class Meta:
        model = PlannedProjectPage
        fields = (
            *PageSerializer.Meta.fields,
            "description",
            "districts",
            "topics",
            "responsible_office",
            "status",
            "schedule",
            "cost_estimate",
            "decisions",
            "next_steps",
            "affected_groups",
            "participation_planned",
            "participation_details",
            "no_participation_reason",
            "change_reason",
            "added_on",
            "procedure",
        )


def planned_projects():
    return PlannedProjectPage.objects.live().public().for_listing().order_by("-added_on", "-pk")


class PlannedProjectFilter(filters.FilterSet):
    """The filters of /vorhabenliste/ with the same names and values."""

    district = slug_filter(District.objects.all(), "districts", _("A district's slug."))
    topic = slug_filter(Topic.objects.all(), "topics", _("A topic's slug."))
    status = filters.ChoiceFilter(
        choices=PlannedProjectPage.Status.choices, help_text=_("The status.")
    )
    participation = filters.ChoiceFilter(
        method="filter_participation",
        choices=[("yes", _("yes")), ("no", _("no"))],
        help_text=_("Whether participation is planned."),
    )
    modified_since = modified_since_filter("last_published_at")

    class Meta:
        model = PlannedProjectPage
        fields = ("district", "topic", "status", "participation", "modified_since")

    def filter_participation(self, queryset, name, value):
        return queryset.filter(participation_planned=value == "yes")


DATASETS = [
    Dataset(
        name="procedures",
        title=_("Procedures"),
        description=_(
            "Participation procedures with their phases, districts, topics, status, council "
            "paper and how many visible contributions each has."
        ),
        queryset=procedures,
        serializer=ProcedureSerializer,
        filterset=ProcedureFilter,
        lookup_field="pk",
        modified_field="last_published_at",
    ),
    Dataset(
        name="planned-projects",
        title=_("Planned projects"),
        description=_("The Vorhabenliste: the city's planned projects."),
        queryset=planned_projects,
        serializer=PlannedProjectSerializer,
        filterset=PlannedProjectFilter,
        lookup_field="pk",
        modified_field="last_published_at",
    ),
]
