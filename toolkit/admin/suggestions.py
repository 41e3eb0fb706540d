"""The queue of formats citizens suggest: new ones first, and one page per suggestion where staff
create a draft format from it in one step, or decline it."""

import django_filters
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
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

from .. import services
from ..models import FormatSuggestion


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
