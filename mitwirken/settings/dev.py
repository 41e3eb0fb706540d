"""Local development: the embedded default of ``make run``."""

import os

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, BASE_URL, SECRET_KEY

DEBUG = os.environ.get("DEBUG", "1") == "1"
# A development key only; production refuses to start without its own SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
# Without BASE_URL (`make run` sets it), links take the default site's address
# (mitwirken/web/links.py); only Wagtail's own admin mails then carry paths without a host.
SILENCED_SYSTEM_CHECKS = [] if BASE_URL else ["wagtailadmin.W003"]
DEMO_ACCOUNTS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "mitwirken.files.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
