"""Surveys in the admin, in the menu "Evaluation": the survey builder (questions inline), the
list with what each evaluates, its dates, invitations, responses and response rate, and per
survey its results, exports, printed codes and a copy (``views``)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
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
    return capfirst(_("standard instrument")) if survey.standard else ""


def _when(value) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATE_FORMAT") if value else "…"


class OpenColumn(Column):
    """When the survey takes answers: ``01.12.2026 – 15.12.2026``."""

    def get_value(self, instance):
        if instance.standard:
            return "–"
        return f"{_when(instance.opens_at)} – {_when(instance.closes_at)}"


class ResponsesColumn(Column):
    """Responses of invitations (mailed and printed) and the rate: ``37 / 72 (51 %)``."""

    def get_value(self, instance):
        value = f"{instance.answered} / {instance.invited}"
        if instance.invited:
            value += f" ({round(100 * instance.answered / instance.invited)} %)"
        return value


class SurveyIndexView(IndexView):
    def get_base_queryset(self):
        return surveys_with_counts(
            super().get_base_queryset().select_related("procedure", "session__module", "format")
        )

    def get_list_more_buttons(self, instance):
        user = self.request.user
        actions = [
            (views.RESULTS_PERMISSION, "results", _("Results"), "list-ul"),
            (views.COPY_PERMISSION, "copy_questions", _("Copy with its questions"), "copy"),
        ]
        if not instance.standard:  # the standard instrument takes no answers
            actions.insert(1, (views.PAPER_PERMISSION, "paper", _("Printed codes"), "doc-full"))
        buttons = [
            Button(
                label,
                url=reverse(f"evaluation_surveys:{name}", args=[instance.pk]),
                icon_name=icon,
                priority=5 + number,
            )
            for number, (permission, name, label, icon) in enumerate(actions)
            if user.has_perm(permission)
        ]
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
        OpenColumn("open", label=capfirst(_("open"))),
        ResponsesColumn("responses", label=_("Responses / invitations (rate)")),
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
