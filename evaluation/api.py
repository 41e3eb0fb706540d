"""The evaluation's public figures in the read API (mitwirken.opendata, docs/api.md): for each
live procedure and each district what its results page at /evaluation/ shows, and nothing more.

Every figure keeps the small-group rule (``selectors.figures``): ``null`` where the page says
"too few answers". No response, no free text: only counts, shares and reach. The figures of a
list are read once for all its rows (``FiguresListSerializer``), in a fixed number of queries.
"""

from django.db.models.manager import BaseManager
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from mitwirken.opendata.registry import Dataset
from mitwirken.opendata.serializers import PageSerializer
from mitwirken.places.models import District
from participation.models import Channel, ProcedurePage

from . import selectors
from .models import SMALL_GROUP
from .selectors.figures import Share


def _figures(facts, surveys, *, procedure_ids, reach, groups, median=False) -> dict:
    """The figures of one results page: participation, reach and the survey's core items."""
    scope = facts.tally(procedure_ids)
    large = scope.total.participants >= SMALL_GROUP
    online = [group for group in groups if group[2] == "online"]
    paper = [group for group in groups if group[2] != "online"]
    heard = surveys.counted(selectors.surveys.HEARD_VIA, groups)
    heard_total = sum(heard.values())
    satisfaction = surveys.satisfaction(groups)
    return {
        "participants": scope.total.participants_shown,
        "contributions": scope.total.contributions_shown,
        "contributions_digital": scope.digital().contributions if large else None,
        "contributions_analog": scope.analog().contributions if large else None,
        "participants_by_channel": {
            value: scope.by_channel[value].participants_shown
            for value, _label in Channel.choices
            if value in scope.by_channel
        },
        "residents": reach.residents,
        "per_1000_residents": reach.per_thousand,
        "residents_source": reach.residents_source,
        "residents_as_of": reach.residents_as_of,
        "survey_answers": satisfaction.answers,
        "satisfied_percent": satisfaction.percent,
        "first_timers_percent": surveys.first_timers(groups).percent,
        "items": [
            {
                "key": key,
                "label": surveys.label(key),
                "answers": surveys.agreeing(key, groups).answers,
                "agreeing_percent": surveys.agreeing(key, groups).percent,
                "agreeing_online_percent": surveys.agreeing(key, online).percent,
                "agreeing_paper_percent": surveys.agreeing(key, paper).percent,
                "city_median_percent": surveys.city_median(key) if median else None,
            }
            for key in selectors.ITEMS
        ],
        "heard_via": [
            {"label": label, "percent": Share(heard.get(value, 0), heard_total).percent}
            for value, label in surveys.choices(selectors.surveys.HEARD_VIA)
        ]
        if heard_total >= SMALL_GROUP
        else [],
    }


def shown(help_text) -> serializers.IntegerField:
    """A count or percentage that is null where the group is too small to show."""
    return serializers.IntegerField(allow_null=True, help_text=help_text)


class ItemSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("The item's key, the same in every survey."))
    label = serializers.CharField(help_text=_("The item's statement."))
    answers = shown(_("How many answered it; null: too few to show."))
    agreeing_percent = shown(_("Share agreeing (4 or 5 of 5); null: too few answers."))
    agreeing_online_percent = shown(_("Share agreeing of those who answered online."))
    agreeing_paper_percent = shown(_("Share agreeing of those who answered on paper."))
    city_median_percent = shown(_("The median of all procedures' shares (for a procedure only)."))


class HeardViaSerializer(serializers.Serializer):
    label = serializers.CharField(help_text=_("The choice."))
    percent = serializers.IntegerField(help_text=_("Share of mentions."))


class FiguresSerializer(serializers.Serializer):
    """The figures of one results page; ``null`` where the group is too small to show."""

    participants = shown(_("People who took part (an account once, each paper one)."))
    contributions = shown(_("Contributions of every kind."))
    contributions_digital = shown(_("Contributions online and by e-mail."))
    contributions_analog = shown(_("Contributions on paper, by phone and at events."))
    participants_by_channel = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text=_("Participants per channel (online, email, paper, phone, event)."),
    )
    residents = serializers.IntegerField(
        allow_null=True, help_text=_("The residents of the area; null: no figure.")
    )
    per_1000_residents = serializers.FloatField(
        allow_null=True, help_text=_("Participants per 1,000 residents; null: too few.")
    )
    residents_source = serializers.CharField(help_text=_("The source of the residents."))
    residents_as_of = serializers.DateField(
        allow_null=True, help_text=_("The date of the residents' figure.")
    )
    survey_answers = shown(_("Answers to the core items together."))
    satisfied_percent = shown(_("Share agreeing over the core items together."))
    first_timers_percent = shown(_("Share taking part for the first time."))
    items = ItemSerializer(many=True)
    heard_via = HeardViaSerializer(
        many=True, help_text=_("How people heard about it; empty: too few mentions.")
    )


class FiguresListSerializer(serializers.ListSerializer):
    """A list whose figures are read once for all its rows (``attach``)."""

    def to_representation(self, data):
        rows = list(data.all() if isinstance(data, BaseManager) else data)
        self.child.attach(rows)
        return super().to_representation(rows)


class FiguresMixin:
    """A row with its ``figures``: ``attach(rows)`` sets them, for a list or one row."""

    def attach(self, rows) -> None:
        facts, surveys = selectors.participation_facts(), selectors.survey_facts()
        for row in rows:
            row.figures = self.figures_of(row, facts, surveys)

    def to_representation(self, instance):
        if not hasattr(instance, "figures"):
            self.attach([instance])
        return super().to_representation(instance)


class ProcedureResultsSerializer(FiguresMixin, PageSerializer):
    figures = FiguresSerializer(
        read_only=True, help_text=_("The procedure's results as /evaluation/ shows them.")
    )

    class Meta:
        model = ProcedurePage
        fields = (*PageSerializer.Meta.fields, "figures")
        list_serializer_class = FiguresListSerializer

    def figures_of(self, procedure, facts, surveys) -> dict:
        return _figures(
            facts,
            surveys,
            procedure_ids=[procedure.pk],
            reach=facts.procedure_reach(procedure),
            groups=surveys.groups(procedure_ids={procedure.pk}),
            median=True,
        )


class DistrictResultsSerializer(FiguresMixin, serializers.ModelSerializer):
    procedures = serializers.IntegerField(
        read_only=True, help_text=_("How many procedures concern the district (also partly).")
    )
    figures = FiguresSerializer(
        read_only=True, help_text=_("The district's results as /evaluation/ shows them.")
    )

    class Meta:
        model = District
        fields = ("slug", "name", "procedures", "figures")
        list_serializer_class = FiguresListSerializer

    def figures_of(self, district, facts, surveys) -> dict:
        procedure_ids = facts.procedures_in(district)
        district.procedures = len(procedure_ids)
        return _figures(
            facts,
            surveys,
            procedure_ids=procedure_ids,
            reach=facts.district_reach(district),
            groups=surveys.groups(procedure_ids=set(procedure_ids)),
        )


def procedures():
    return ProcedurePage.objects.live().public().order_by("-first_published_at", "-pk")


DATASETS = [
    Dataset(
        name="evaluation-procedures",
        title=_("Results per procedure"),
        description=_(
            "For each procedure the evaluation's public figures: participants and contributions "
            "(digital, analog, per channel), reach per 1,000 residents, and the survey's core "
            "items. A figure of fewer than five people or answers is null."
        ),
        queryset=procedures,
        serializer=ProcedureResultsSerializer,
        lookup_field="pk",
    ),
    Dataset(
        name="evaluation-districts",
        title=_("Results per district"),
        description=_(
            "For each district the evaluation's public figures of its procedures: participants "
            "and contributions, reach per 1,000 residents, and the survey's core items. A "
            "figure of fewer than five people or answers is null."
        ),
        queryset=District.objects.all,
        serializer=DistrictResultsSerializer,
    ),
]
