"""Daily jobs of the toolkit; each is idempotent: a second run sends nothing new."""

from celery import shared_task

from . import services


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_review_reminders() -> int:
    """Remind reviewers of live formats due for review (once per format and review date)."""
    return services.review_reminders_send()
