"""Admin-only URLs of the toolkit, below /admin/toolkit/."""

from django.urls import path

from .reports import REPORT_URL_NAME, ReviewDueReportView

urlpatterns = [
    path("toolkit/review-due/", ReviewDueReportView.as_view(), name=REPORT_URL_NAME),
    path(
        "toolkit/review-due/results/",
        ReviewDueReportView.as_view(results_only=True),
        name=f"{REPORT_URL_NAME}_results",
    ),
]
