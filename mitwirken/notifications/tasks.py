from celery import shared_task

from . import services


@shared_task(acks_late=True)
def send_pending() -> int:
    """Send every due outbox row. Queued after each commit, and every minute by beat as a sweep."""
    return services.notifications_send_pending()


@shared_task
def send_digests(frequency: str) -> int:
    written = services.digests_build(frequency=frequency)
    services.notifications_send_pending()
    return written
