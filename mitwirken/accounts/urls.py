"""The person's own account: ``/konto/`` (``/en/account/``) and what hangs below it."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path(_("data/"), views.export_request, name="export"),
    path(
        format_lazy("{}{}/", _("data/"), "<str:signed>"),
        views.export_download,
        name="export_download",
    ),
    path(_("delete/"), views.delete, name="delete"),
]
