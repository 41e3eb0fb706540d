"""Surveys in the admin, in the menu "Evaluation": the survey builder (questions inline), the
list with what each evaluates, its dates, invitations, responses and response rate, and per
survey its results, exports, printed codes and a copy (``views``)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from ..models import Invitation, Response, Survey
from . import views


def _count(queryset):
    counted = queryset.order_by().values("survey").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def surveys_with_counts(queryset):
    """Annotated with ``invited`` (every invitation, mailed or printed) and ``answered``
    (responses): one query for the list however many surveys and answers."""
    return queryset.annotate(
        invited=_count(Invitation.objects.filter(survey=OuterRef("pk"))),
        answered=_count(Response.objects.filter(survey=OuterRef("pk"))),
    )


def evaluates(survey) -> str:
    """What a survey evaluates, for the list."""
    for label, value in (
        (_("procedure"), survey.procedure),
        (_("training session"), survey.session),
        (_("format tried"), survey.format),
    ):
        if value is not None:
            return f"{capfirst(label)}: {value}"
    return str(_("standard instrument")) if survey.standard else ""


class RateColumn(Column):
    def get_value(self, instance):
        if not instance.invited:
            return "–"
        return f"{round(100 * instance.answered / instance.invited)} %"


class SurveyIndexView(IndexView):
    def get_base_queryset(self):
        return surveys_with_counts(
            super().get_base_queryset().select_related("procedure", "session__module", "format")
        )

    def get_list_more_buttons(self, instance):
        user = self.request.user
        buttons = []
        if user.has_perm(views.RESULTS_PERMISSION):
            buttons.append(
                Button(
                    _("Results"),
                    url=reverse("evaluation_surveys:results", args=[instance.pk]),
                    icon_name="list-ul",
                    priority=5,
                )
            )
        if user.has_perm(views.PAPER_PERMISSION) and not instance.standard:
            buttons.append(
                Button(
                    _("Printed codes"),
                    url=reverse("evaluation_surveys:paper", args=[instance.pk]),
                    icon_name="doc-full",
                    priority=6,
                )
            )
        if user.has_perm(views.COPY_PERMISSION):
            buttons.append(
                Button(
                    _("Copy with its questions"),
                    url=reverse("evaluation_surveys:copy_questions", args=[instance.pk]),
                    icon_name="copy",
                    priority=7,
                )
            )
        return [*buttons, *super().get_list_more_buttons(instance)]


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    menu_label = _("Surveys")
    menu_name = "evaluation_surveys"
    menu_order = 750
    add_to_admin_menu = True
    url_prefix = "evaluation/surveys"
    admin_url_namespace = "evaluation_surveys"
    index_view_class = SurveyIndexView
    list_filter = ["standard"]
    list_display = [
        TitleColumn("title", label=capfirst(_("title")), url_name="evaluation_surveys:edit"),
        Column("evaluates", label=capfirst(_("what it evaluates")), accessor=evaluates),
        DateColumn("opens_at", label=capfirst(_("open from"))),
        DateColumn("closes_at", label=capfirst(_("open until"))),
        Column("invited", label=capfirst(_("invitations"))),
        Column("answered", label=capfirst(_("responses"))),
        RateColumn("rate", label=capfirst(_("response rate"))),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/results/", views.SurveyResultsView.as_view(), name="results"),
            path("<int:pk>/export.csv", views.ExportView.as_view(format="csv"), name="export_csv"),
            path(
                "<int:pk>/export.json", views.ExportView.as_view(format="json"), name="export_json"
            ),
            path(
                "<int:pk>/dictionary.csv",
                views.ExportView.as_view(format="dictionary"),
                name="export_dictionary",
            ),
            path("<int:pk>/paper/", views.PaperInvitationsView.as_view(), name="paper"),
            path("<int:pk>/paper/sheet/", views.PaperSheetView.as_view(), name="paper_sheet"),
            path(
                "<int:pk>/copy-questions/",
                views.SurveyCopyView.as_view(),
                name="copy_questions",
            ),
        ]
