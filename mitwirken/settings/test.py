"""Tests: SQLite by default, PostgreSQL when DATABASE_URL is set, Redis when REDIS_URL is set."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHE_URL, CACHES, CELERY_BROKER_URL, REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploads on disk in a throwaway folder: Wagtail serves documents from the file system.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mitwirken-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mitwirken-test-private-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "mitwirken.files.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Tasks run in-process unless a test starts a real worker (tests/test_celery_worker.py does).
CELERY_TASK_ALWAYS_EAGER = True
DEMO_ACCOUNTS = True

# Celery prefers a CELERY_BROKER_URL variable to every setting: read above, it must not override
# the database chosen below nor the brokers that tests choose.
os.environ.pop("CELERY_BROKER_URL", None)

# Under pytest-xdist each worker has its own test database (pytest-django) and its own Redis
# database, so one worker's cache.clear() or Celery queue never touches another's.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")


def _worker_database(url: str) -> str:
    if not url.startswith(("redis://", "rediss://")) or not _worker.startswith("gw"):
        return url
    return urlunsplit(urlsplit(url)._replace(path=f"/{int(_worker[2:]) + 1}"))


REDIS_URL = _worker_database(REDIS_URL)
CELERY_BROKER_URL = _worker_database(CELERY_BROKER_URL)
if CACHE_URL:
    CACHES["default"]["LOCATION"] = CACHE_URL = _worker_database(CACHE_URL)
