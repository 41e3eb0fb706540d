"""Training modules and their public sessions in the read API (mitwirken.opendata,
docs/api.md). Never a session's online room, its notes for participants, its trainers or
anything of the enrolments; never an internal session."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import serializers

from mitwirken.opendata.filters import modified_since_filter, slug_filter
from mitwirken.opendata.registry import Dataset
from mitwirken.opendata.serializers import PageSerializer
from mitwirken.places.models import District

from .models import Audience, Level, Mode, Session, TrainingModulePage


class TrainingModuleSerializer(PageSerializer):
    audiences = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    formats = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text=_("The ids of the formats it teaches.")
    )

    class Meta:
        model = TrainingModulePage
        fields = (
            *PageSerializer.Meta.fields,
            "description",
            "audiences",
            "learning_goals",
            "level",
            "duration",
            "prerequisites",
            "what_to_bring",
            "formats",
        )


class TrainingModuleFilter(filters.FilterSet):
    """The filters of /schulungen/ that belong to a module, with the same names and values."""

    audience = filters.ChoiceFilter(
        field_name="audiences__slug", choices=Audience.Choices.choices, help_text=_("For whom.")
    )
    level = filters.ChoiceFilter(choices=Level.choices, help_text=_("The level."))
    modified_since = modified_since_filter("last_published_at")

    class Meta:
        model = TrainingModulePage
        fields = ("audience", "level", "modified_since")


class SessionSerializer(serializers.ModelSerializer):
    module = serializers.PrimaryKeyRelatedField(read_only=True, help_text=_("The module's id."))
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Session
        fields = (
            "id",
            "module",
            "start",
            "end",
            "mode",
            "place",
            "district",
            "step_free",
            "hearing_loop",
            "sign_language",
            "accessibility_notes",
            "capacity",
            "registration_deadline",
        )


class SessionFilter(filters.FilterSet):
    district = slug_filter(District.objects.all(), "district", _("A district's slug."))
    mode = filters.ChoiceFilter(choices=Mode.choices, help_text=_("Online or in person."))
    start_after = filters.IsoDateTimeFilter(
        field_name="start", lookup_expr="gte", help_text=_("Only sessions from this moment on.")
    )

    class Meta:
        model = Session
        fields = ("district", "mode", "start_after")


DATASETS = [
    Dataset(
        name="training-modules",
        title=_("Training modules"),
        description=_("The Schulungen's modules: for whom, what they teach, how long."),
        queryset=lambda: (
            TrainingModulePage.objects.live().public().for_listing().order_by("title", "pk")
        ),
        serializer=TrainingModuleSerializer,
        filterset=TrainingModuleFilter,
        lookup_field="pk",
        modified_field="last_published_at",
    ),
    Dataset(
        name="training-sessions",
        title=_("Training sessions"),
        description=_("The public dates of the training modules, with place and accessibility."),
        queryset=lambda: (
            Session.objects.live()
            .filter(internal=False)
            .select_related("district")
            .order_by("start", "pk")
        ),
        serializer=SessionSerializer,
        filterset=SessionFilter,
        lookup_field="pk",
    ),
]
