"""Admin URLs of accounts, below /admin/accounts/."""

from django.urls import path

from .data_requests import (
    DOWNLOAD_URL_NAME,
    URL_NAME,
    DataExportDownloadView,
    DataExportsView,
)
from .deletion import URL_NAME as DELETE_URL_NAME
from .deletion import AccountDeleteView

urlpatterns = [
    path("accounts/data-exports/", DataExportsView.as_view(), name=URL_NAME),
    path(
        "accounts/data-exports/<int:pk>/download/",
        DataExportDownloadView.as_view(),
        name=DOWNLOAD_URL_NAME,
    ),
    path("accounts/delete/", AccountDeleteView.as_view(), name=DELETE_URL_NAME),
]
