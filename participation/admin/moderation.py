"""The moderators' queue: open reports with the contribution they concern, and one page per
contribution where a moderator hides it with a public reason, restores it, or dismisses its
reports."""

import django_filters
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import ModelLogEntry

from ..models import Comment, Proposal, Report
from ..services import moderation
from .permissions import moderated

#: Contributions moderators can hide, by model name as it appears in the queue's URLs. Not
#: formal statements: they are never public, and carry names and addresses that only staff
#: with the permission to view statements see.
HIDEABLE = {model._meta.model_name: model for model in (Proposal, Comment)}


def reports_moderated(queryset, user):
    """The reports of ``queryset`` about contributions that ``user`` moderates (``moderated``):
    one query with the rows, the contributions are subqueries."""
    reported = Q(pk__in=[])
    for name, model in HIDEABLE.items():
        reported |= Q(
            content_type__app_label="participation",
            content_type__model=name,
            object_id__in=moderated(model.objects.all(), user).values("pk"),
        )
    return queryset.filter(reported)


def contribution_kind(contribution) -> str:
    return capfirst(contribution._meta.verbose_name) if contribution is not None else "–"


def contribution_excerpt(contribution) -> str:
    if contribution is None:
        return "–"
    title = getattr(contribution, "title", "")
    text = Truncator(contribution.text).chars(140)
    return f"{title}: {text}" if title else text


def procedure_of(contribution):
    return contribution.procedure if contribution is not None else None


class ReportFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"),
        choices=[("open", _("open")), ("resolved", _("resolved"))],
        method="filter_state",
        empty_label=_("all"),
    )

    class Meta:
        model = Report
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(resolved_at__isnull=value == "open")


class ReportIndexView(generic.IndexView):
    any_permission_required = ["view"]
    moderate_url_name = None

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("reporter", "content_type")
        queryset = reports_moderated(queryset, self.request.user)
        if not self.request.GET.get("state"):
            queryset = queryset.filter(resolved_at__isnull=True)
        return queryset.prefetch_related(
            GenericPrefetch(
                "contribution",
                [model.objects.select_related("procedure") for model in HIDEABLE.values()],
            )
        )

    def get_edit_url(self, instance):
        return self.moderate_url(instance)

    def moderate_url(self, instance):
        return reverse(
            self.moderate_url_name,
            args=[instance.content_type.model, quote(instance.object_id)],
        )

    def get_list_more_buttons(self, instance):
        return [
            Button(_("Moderate"), url=self.moderate_url(instance), icon_name="warning", priority=10)
        ]


class ModerateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One contribution with its reports and history: hide it with a public reason, restore it,
    or dismiss its reports."""

    model = Report
    permission_required = "change"
    template_name = "participation/admin/moderate.html"
    page_title = _("Moderate")
    header_icon = "warning"
    index_url_name = None
    moderate_url_name = None

    @cached_property
    def contribution(self):
        """Looked up once the permission is checked: one the user moderates, or 404."""
        model = HIDEABLE.get(self.kwargs["model_name"])
        if model is None:
            raise Http404
        contributions = model.objects.select_related("procedure", "author", "entered_by")
        return get_object_or_404(moderated(contributions, self.request.user), pk=self.kwargs["pk"])

    @cached_property
    def reports(self):
        return list(
            Report.objects.filter(
                content_type__app_label="participation",
                content_type__model=self.kwargs["model_name"],
                object_id=self.contribution.pk,
            )
            .select_related("reporter", "resolved_by")
            .order_by("-created_at")
        )

    @cached_property
    def moderate_url(self):
        return reverse(
            self.moderate_url_name, args=[self.kwargs["model_name"], self.contribution.pk]
        )

    def get_page_subtitle(self):
        return contribution_excerpt(self.contribution)[:80]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Moderation")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        procedure = self.contribution.procedure
        context.update(
            contribution=self.contribution,
            kind=contribution_kind(self.contribution),
            procedure=procedure,
            procedure_url=procedure.get_url(request=self.request),
            procedure_edit_url=reverse("wagtailadmin_pages:edit", args=[procedure.pk]),
            reports=self.reports,
            open_reports=[report for report in self.reports if report.resolved_at is None],
            history=ModelLogEntry.objects.for_instance(self.contribution)
            .select_related("user")
            .order_by("-timestamp"),
            moderate_url=self.moderate_url,
            reason_error=kwargs.get("reason_error"),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        reason = request.POST.get("reason", "")
        if action == "hide":
            try:
                moderation.contribution_hide(
                    contribution=self.contribution, reason=reason, user=request.user
                )
            except ValidationError:
                messages.error(request, _("Give a public reason for hiding."))
                return self.render_to_response(
                    self.get_context_data(reason_error=_("Give a public reason for hiding."))
                )
            messages.success(request, _("The contribution is hidden."))
        elif action == "restore" and self.contribution.is_hidden:
            moderation.contribution_restore(
                contribution=self.contribution, user=request.user, reason=reason
            )
            messages.success(request, _("The contribution is shown again."))
        elif action == "dismiss":
            for report in self.reports:
                if report.resolved_at is None:
                    moderation.report_dismiss(report=report, user=request.user)
            messages.success(request, _("The reports are dismissed; the contribution stays."))
        return redirect(reverse(self.index_url_name))


class ModerationViewSet(ModelViewSet):
    model = Report
    name = "participation_moderation"
    url_prefix = "participation/moderation"
    icon = "warning"
    menu_label = _("Moderation")
    add_to_admin_menu = True
    menu_order = 710
    index_view_class = ReportIndexView
    filterset_class = ReportFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "reason",
        Column(
            "contribution",
            label=_("contribution"),
            accessor=lambda report: contribution_excerpt(report.contribution),
        ),
        Column(
            "kind", label=_("kind"), accessor=lambda report: contribution_kind(report.contribution)
        ),
        Column(
            "procedure",
            label=_("procedure"),
            accessor=lambda report: procedure_of(report.contribution) or "–",
        ),
        "created_at",
        Column(
            "hidden",
            label=_("hidden"),
            accessor=lambda report: (
                _("yes")
                if report.contribution is not None and report.contribution.is_hidden
                else _("no")
            ),
        ),
    ]
    ordering = ["-created_at", "-pk"]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(
            moderate_url_name=self.get_url_name("moderate"), **kwargs
        )
        for name in ("add", "edit", "delete", "copy", "usage", "history"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    @property
    def moderate_view(self):
        return self.construct_view(ModerateView)

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="participation", codename="moderate_contributions"
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<str:model_name>/<int:pk>/", self.moderate_view, name="moderate"),
        ]
