"""The person's own account: ``/konto/`` (``/en/account/``) and what hangs below it."""

from django.urls import path  # noqa: F401

app_name = "accounts"

urlpatterns = []
