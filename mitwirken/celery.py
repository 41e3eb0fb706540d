import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitwirken.settings.dev")

app = Celery("mitwirken")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.setup_logging.connect
def keep_django_logging(**kwargs):
    """The worker and beat log through Django's LOGGING, whose handlers mask personal data
    (``mitwirken.privacy.logging``), instead of replacing the root logger's handlers."""
