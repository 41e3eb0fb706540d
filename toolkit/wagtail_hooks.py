"""The toolkit's back office in Wagtail's admin: format categories, the queue of formats citizens
suggest (one step from a suggestion to a draft format page), and the report of formats due for
review.

The queue and the report follow Wagtail's page permissions on the Instrumentenkoffer: who may add
formats there handles suggestions; who may add, edit or publish there sees the report.
"""

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import ModelLogEntry, Site
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import services
from .models import FormatCategory, FormatSuggestion

REPORT_URL_NAME = "toolkit_review_due"


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        services.ACCEPT_ACTION, _("Draft format created"), _("Draft format created")
    )
    actions.register_action(
        services.DECLINE_ACTION, _("Suggestion declined"), _("Suggestion declined")
    )


# Suggestions ------------------------------------------------------------------------------------


class SuggestionPermissionPolicy(BasePermissionPolicy):
    """Every action on suggestions needs Wagtail's permission to add formats below the
    Instrumentenkoffer."""

    def user_has_permission(self, user, action):
        return services.may_add_formats(user)

    def user_has_any_permission(self, user, actions):
        return services.may_add_formats(user)

    def users_with_any_permission(self, actions):
        return services.toolkit_editors()


register_permission_policy(
    FormatSuggestion, SuggestionPermissionPolicy(FormatSuggestion), exact_class=True
)


def author_name(suggestion) -> str:
    return suggestion.author.display_name if suggestion.author_id else "–"


class SuggestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=FormatSuggestion.Status.choices, empty_label=_("all")
    )

    class Meta:
        model = FormatSuggestion
        fields = []


class SuggestionIndexView(generic.IndexView):
    """New suggestions first, each newest first; then those dealt with."""

    review_url_name = None

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("author", "category")
            .annotate(
                queue_rank=Case(
                    When(status=FormatSuggestion.Status.NEW, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
        )

    def get_edit_url(self, instance):
        return reverse(self.review_url_name, args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return [
            Button(
                _("Review"),
                url=reverse(self.review_url_name, args=[instance.pk]),
                icon_name="view",
                priority=10,
            )
        ]


class SuggestionReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One suggestion in full: create a draft format from it in one step, or decline it."""

    model = FormatSuggestion
    permission_required = "change"
    template_name = "toolkit/admin/suggestion_review.html"
    page_title = _("Format suggestion")
    header_icon = "help"
    index_url_name = None
    review_url_name = None
    history_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.suggestion = get_object_or_404(
            FormatSuggestion.objects.select_related("author", "category", "format_page"),
            pk=kwargs["pk"],
        )

    def get_page_subtitle(self):
        return Truncator(self.suggestion.title).chars(80)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Format suggestions")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    @cached_property
    def review_url(self):
        return reverse(self.review_url_name, args=[self.suggestion.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.suggestion.format_page
        context.update(
            suggestion=self.suggestion,
            author=author_name(self.suggestion),
            is_new=self.suggestion.status == FormatSuggestion.Status.NEW,
            review_url=self.review_url,
            format_page=page,
            format_edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else "",
            history=ModelLogEntry.objects.for_instance(self.suggestion)
            .select_related("user")
            .order_by("-timestamp"),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "accept":
                page = services.suggestion_accept(suggestion=self.suggestion, user=request.user)
                messages.success(
                    request,
                    _("Draft format “%(title)s” created: complete it and publish it.")
                    % {"title": page.title},
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
            if action == "decline":
                services.suggestion_decline(suggestion=self.suggestion, user=request.user)
                messages.success(request, _("The suggestion is declined."))
                return redirect(self.index_url_name)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(self.review_url)


class FormatSuggestionViewSet(ModelViewSet):
    """Suggestions are not added, edited or deleted here: staff review them."""

    model = FormatSuggestion
    name = "toolkit_suggestions"
    url_prefix = "toolkit/suggestions"
    icon = "help"
    menu_label = _("Format suggestions")
    menu_order = 100
    index_view_class = SuggestionIndexView
    filterset_class = SuggestionFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "title",
        Column("author", label=_("pseudonym"), accessor=author_name),
        "category",
        "created_at",
        "status",
    ]
    ordering = ["queue_rank", "-created_at", "-pk"]
    search_fields = ["title", "description"]
    search_backend_name = None

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(
            review_url_name=self.get_url_name("review"), **kwargs
        )
        for name in ("add", "edit", "delete", "copy", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    @property
    def review_view(self):
        return self.construct_view(SuggestionReviewView)

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        # Handling suggestions follows the page permissions of the Instrumentenkoffer.
        return Permission.objects.none()

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.review_view, name="review"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]


class FormatCategoryViewSet(SnippetViewSet):
    model = FormatCategory
    icon = "folder-open-inverse"
    menu_order = 200
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class ToolkitViewSetGroup(SnippetViewSetGroup):
    items = (FormatSuggestionViewSet, FormatCategoryViewSet)
    menu_label = _("Toolkit")
    menu_icon = "list-ul"
    menu_name = "toolkit"
    menu_order = 730


register_snippet(ToolkitViewSetGroup)


# Formats due for review -------------------------------------------------------------------------


def may_see_review_report(user) -> bool:
    index = services.toolkit_index()
    return index is not None and PagePermissionPolicy().user_has_any_permission_for_instance(
        user, ["add", "change", "publish"], index
    )


def last_reviewed(page) -> str:
    return date_format(page.last_reviewed) if page.last_reviewed else _("never")


def reviewer_name(page) -> str:
    return page.reviewer.get_full_name() if page.reviewer_id else "–"


class ReviewDueReportView(ReportView):
    """Live formats whose last review is older than the setting's months, or never happened."""

    page_title = _("Formats due for review")
    header_icon = "time"
    index_url_name = REPORT_URL_NAME
    index_results_url_name = f"{REPORT_URL_NAME}_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Format"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("last_reviewed", label=_("last reviewed on"), accessor=last_reviewed),
        Column("reviewer", label=_("reviewer"), accessor=reviewer_name),
        Column("category", label=_("category"), accessor="category"),
    ]
    list_export = ["title", "last_reviewed", "reviewer", "category"]
    export_headings = {
        "title": _("Format"),
        "last_reviewed": _("last reviewed on"),
        "reviewer": _("reviewer"),
        "category": _("category"),
    }

    no_results_message = _("Every format has been reviewed in time.")

    def dispatch(self, request, *args, **kwargs):
        if not may_see_review_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def months(self) -> int:
        return services.review_months(site=Site.find_for_request(self.request))

    def get_base_queryset(self):
        return services.formats_due_for_review(months=self.months).order_by(
            F("last_reviewed").asc(nulls_first=True), "title", "pk"
        )


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_review_report(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Formats due for review"),
        reverse(REPORT_URL_NAME),
        icon_name=ReviewDueReportView.header_icon,
        order=800,
    )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("toolkit/review-due/", ReviewDueReportView.as_view(), name=REPORT_URL_NAME),
        path(
            "toolkit/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name=f"{REPORT_URL_NAME}_results",
        ),
    ]
