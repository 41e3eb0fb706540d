"""The person's own account: ``/konto/`` (``/en/account/``) and what hangs below it."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
]
