"""The report of formats due for review: live formats whose last review is older than the
setting's months, or never happened."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from .. import services
from .permissions import may_see_review_report

REPORT_URL_NAME = "toolkit_review_due"


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
