"""Staff views of a survey: its results (counts per item, free texts), the exports, printed
codes with their sheet, and copying the standard instrument. Each checks its permission."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mitwirken.pages.kit import route_url
from mitwirken.web.links import absolute_url

from .. import services
from ..models import NO_ANSWER, EvaluationIndexPage, Invitation, Question, Response, Survey
from . import exports

RESULTS_PERMISSION = "evaluation.view_response"
EXPORT_PERMISSION = "evaluation.export_survey"
PAPER_PERMISSION = "evaluation.add_invitation"
COPY_PERMISSION = "evaluation.add_survey"
TEXT_TYPES = {Question.Type.SHORT_TEXT, Question.Type.LONG_TEXT}


class SurveyMixin:
    permission = RESULTS_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def survey(self) -> Survey:
        return get_object_or_404(Survey, pk=self.kwargs["pk"])


class SurveyPageMixin(SurveyMixin, WagtailAdminTemplateMixin):
    header_icon = "list-ul"

    def get_page_subtitle(self):
        return str(self.survey)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("evaluation_surveys:list"), "label": gettext("Surveys")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


def _tally(question: Question, answers: list) -> dict:
    """Counts of one question's answers: per choice, per scale point, per matrix item; the
    texts as they were written; numbers as they were given."""
    lines = question.choice_lines()
    given = [value for value in answers if value not in (None, "", [], {})]
    result = {"question": question, "answered": len(given), "rows": [], "texts": [], "matrix": []}
    if question.type in TEXT_TYPES:
        result["texts"] = [value for value in given if value != NO_ANSWER]
        return result
    if question.type == Question.Type.MATRIX:
        for number, item in enumerate(lines, start=1):
            counts = Counter(
                str(value.get(str(number))) for value in given if isinstance(value, dict)
            )
            result["matrix"].append(
                {"label": item, "counts": [counts.get(code, 0) for code in exports.LIKERT_SCALE]}
            )
        result["scale"] = list(exports.LIKERT_SCALE.values())
        return result
    counts = Counter()
    for value in given:
        for code in value if isinstance(value, list) else [value]:
            counts[str(code)] += 1
    if question.type in exports.CHOICE_TYPES:
        labels = {str(number): line for number, line in enumerate(lines, start=1)}
    elif question.type == Question.Type.LIKERT:
        labels = dict(exports.LIKERT_SCALE)
    else:
        labels = {
            code: code for code in sorted(counts, key=lambda c: (len(c), c)) if code != NO_ANSWER
        }
    if question.prefer_not_to_say or counts.get(NO_ANSWER):
        labels[NO_ANSWER] = _("prefer not to say")
    result["rows"] = [
        {"label": label, "count": counts.get(code, 0)} for code, label in labels.items()
    ]
    return result


class SurveyResultsView(SurveyPageMixin, TemplateView):
    """Every answer counted per item, free texts included (staff only)."""

    template_name = "evaluation/admin/survey_results.html"
    page_title = _("Results")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = self.survey
        answers = list(survey.responses.values_list("answers", flat=True))
        questions = list(survey.questions.order_by("sort_order", "pk"))
        invited = survey.invitations.count()
        context.update(
            survey=survey,
            responses=len(answers),
            by_channel=[
                (Response.Channel(channel).label, count)
                for channel, count in sorted(
                    Counter(survey.responses.values_list("channel", flat=True)).items()
                )
            ],
            invited=invited,
            rate=round(100 * len(answers) / invited) if invited else None,
            items=[_tally(q, [a.get(q.key) for a in answers]) for q in questions],
            may_export=self.request.user.has_perm(EXPORT_PERMISSION),
            may_print=self.request.user.has_perm(PAPER_PERMISSION),
            export_urls={
                name: reverse(f"evaluation_surveys:export_{name}", args=[survey.pk])
                for name in ("csv", "json", "dictionary")
            },
            paper_url=reverse("evaluation_surveys:paper", args=[survey.pk]),
        )
        return context


class ExportView(SurveyMixin, View):
    """The anonymised answers of a survey (or of the standard instrument's copies)."""

    permission = EXPORT_PERMISSION
    format = "csv"

    def get(self, request, *args, **kwargs):
        survey = self.survey
        if survey.standard:
            export = exports.standard_export(survey)
        else:
            export = exports.survey_export(survey)
        name = slugify(survey.title) or f"survey-{survey.pk}"
        if self.format == "json":
            content, mimetype, suffix = exports.as_json(export), "application/json", "json"
        elif self.format == "dictionary":
            content, mimetype, suffix = exports.dictionary_csv(export), "text/csv", "dictionary.csv"
        else:
            content, mimetype, suffix = exports.as_csv(export), "text/csv", "csv"
        response = HttpResponse(content, content_type=f"{mimetype}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
        return response


class PaperForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many printed codes?"),
        min_value=1,
        max_value=services.PAPER_MAX,
        initial=20,
        help_text=_(
            "Each code answers the survey once. Print the sheet, cut it and hand out the slips."
        ),
    )


class PaperInvitationsView(SurveyPageMixin, FormView):
    """Make printed codes for a survey and list the sheets to print."""

    permission = PAPER_PERMISSION
    template_name = "evaluation/admin/survey_paper.html"
    page_title = _("Printed codes")
    form_class = PaperForm

    def dispatch(self, request, *args, **kwargs):
        if self.survey.standard:  # the template takes no answers; its copies do
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        count = form.cleaned_data["count"]
        services.paper_invitations_create(survey=self.survey, count=count)
        messages.success(
            self.request,
            ngettext("%(count)s code made.", "%(count)s codes made.", count) % {"count": count},
        )
        return redirect(
            reverse("evaluation_surveys:paper_sheet", args=[self.survey.pk]) + "?new=" + str(count)
        )

    def get_context_data(self, **kwargs):
        paper = self.survey.invitations.filter(channel=Invitation.Channel.PAPER)
        return super().get_context_data(
            survey=self.survey,
            codes_total=paper.count(),
            codes_unused=paper.filter(answered_at__isnull=True).count(),
            sheet_url=reverse("evaluation_surveys:paper_sheet", args=[self.survey.pk]),
            **kwargs,
        )


class PaperSheetView(SurveyMixin, TemplateView):
    """The printable sheet: per unused code the address and the code, large, with cut lines.
    ``?new=N`` prints only the N codes made last."""

    permission = PAPER_PERMISSION
    template_name = "evaluation/admin/paper_sheet.html"

    def get_context_data(self, **kwargs):
        codes = self.survey.invitations.filter(
            channel=Invitation.Channel.PAPER, answered_at__isnull=True
        ).order_by("-created_at", "-pk")
        new = self.request.GET.get("new", "")
        if new.isdigit():
            codes = codes[: int(new)]
        page = EvaluationIndexPage.objects.live().first()
        address = absolute_url(route_url(page, "survey_code")) if page else ""
        # Typed from paper: without "https://", which every browser adds.
        address = address.split("://", 1)[-1]
        return super().get_context_data(
            survey=self.survey,
            codes=list(codes.values_list("code", flat=True)),
            address=address,
            **kwargs,
        )


class CopyForm(forms.Form):
    title = forms.CharField(label=_("title of the copy"), max_length=200)


class SurveyCopyView(SurveyPageMixin, FormView):
    """Copy a survey (the standard instrument) with its questions and keys, to add questions."""

    permission = COPY_PERMISSION
    template_name = "evaluation/admin/survey_copy.html"
    page_title = _("Copy the survey")
    form_class = CopyForm

    def get_initial(self):
        return {"title": gettext("%(title)s (copy)") % {"title": self.survey.title}}

    def form_valid(self, form):
        copy = services.survey_copy(survey=self.survey, title=form.cleaned_data["title"])
        messages.success(
            self.request,
            gettext("Copied with its questions. Set what it evaluates and when it is open."),
        )
        return redirect(reverse("evaluation_surveys:edit", args=[copy.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(survey=self.survey, **kwargs)
